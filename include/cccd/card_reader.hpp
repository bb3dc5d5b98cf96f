// Reading a card: from a tap to a complete, decoded Document, as fast as the link allows.
// PACE with the CAN first; BAC with MRZ data when there is no CAN or no PACE. DG1 and DG13 are
// delivered (onDocument) before the face, which is read last.
#pragma once

#include "cccd/access_key.hpp"
#include "cccd/document.hpp"
#include "cccd/trust_store.hpp"
#include "cccd/verification.hpp"

#include <chrono>
#include <ctime>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace cccd {

/** Progress of one file: bytes read so far out of its size. */
struct ReadProgress {
    std::string file; ///< "DG2", "EF.SOD", ...
    std::size_t done = 0;  ///< bytes read so far
    std::size_t total = 0; ///< the file's size in bytes
};

/** What the read is doing now, for a status line from the tap on. */
enum class ReadStage {
    WaitingForCard, ///< waiting for a card on the reader (ReadOptions::waitForCard)
    Connecting,     ///< the card is there: connecting to it
    OpeningChip,    ///< PACE or BAC: opening the chip with the CAN or MRZ data
    ReadingData,    ///< reading the holder's data and the SOD
    ProvingChip,    ///< chip and active authentication
    ReadingFace,    ///< reading the face (the largest file)
    Verifying,      ///< passive authentication and the verdict
};

/** Short English words for a stage ("opening the chip (PACE/BAC)"). */
const char* describe(ReadStage stage);

/** How to read: which reader, how long to wait for the card, what to read and verify, and what to call back. */
struct ReadOptions {
    std::string reader;                      ///< name or index; empty: the first reader with a card
    std::chrono::milliseconds waitForCard{0}; ///< wait this long for a card to arrive
    bool readFace = true;                    ///< read DG2 (the largest file)
    bool verify = true;                      ///< passive, chip and active authentication
    std::vector<std::string> trustPaths;     ///< CSCA certificates, master lists, CRLs (files or folders)
    bool useDefaultTrust = true;             ///< also the default trust location (`cccd trust import`)
    std::optional<std::time_t> verifyAt;     ///< verify as of this time (validity, expiry); default: now
    /** A trust store loaded once (e.g. for a queue of cards); when set, trustPaths and useDefaultTrust are ignored. */
    std::shared_ptr<const TrustStore> trust;
    std::function<void(ReadStage)> onStage;                 ///< called as the read enters each stage
    std::function<void(const ReadProgress&)> onProgress;    ///< called as each file is read
    /** Called as soon as DG1 and DG13 are read, before the face. */
    std::function<void(const Document&)> onDocument;
};

/** How the chip was opened. */
struct AccessInfo {
    std::string protocol;        ///< "PACE" or "BAC"
    std::string key;             ///< "CAN" or "MRZ"
    std::string secureMessaging; ///< "AES-128", "3DES", ...
};

/** The chip's face photo (biometric data: the buffer is wiped when the object is destroyed). */
struct FaceImage {
    std::string format; ///< "JPEG" or "JPEG2000"
    int width = 0;                  ///< pixels
    int height = 0;                 ///< pixels
    std::vector<std::uint8_t> data; ///< the encoded image as stored on the chip
    /// Copies and moves the photo (every copy is wiped when it is destroyed; a photo replaced by assignment first).
    ///@{
    FaceImage() = default;
    FaceImage(const FaceImage&) = default;
    FaceImage(FaceImage&&) noexcept = default;
    FaceImage& operator=(const FaceImage& other);
    FaceImage& operator=(FaceImage&& other) noexcept;
    ///@}
    ~FaceImage(); ///< wipes the photo
};

/** Milliseconds spent in each phase. */
struct ReadTiming {
    double connect = 0; ///< connecting to the card
    double access = 0;  ///< PACE or BAC
    double read = 0;    ///< reading the files
    double verify = 0;  ///< verification
    double total = 0;   ///< from the call to the result
};

/** What one read gave. */
struct ReadResult {
    std::string reader;         ///< the PC/SC name of the reader used
    std::size_t apduCount = 0;  ///< commands sent to the chip
    AccessInfo access;          ///< how the chip was opened
    Document document;          ///< the holder's data
    /** Raw files as read, outer tag included, by name: "CardAccess", "COM", "SOD", "DG1", "DG2", "DG13", ... */
    std::map<std::string, std::vector<std::uint8_t>> files;
    std::optional<FaceImage> face;   ///< the face photo, when ReadOptions::readFace
    VerificationReport verification; ///< is it genuine (see verification.hpp)
    ReadTiming timing;               ///< where the time went
    /** Files that were read but do not parse ("DG13 does not parse: …"). Reading goes on, so nothing is lost:
     *  the raw files are kept and verification says whether the chip's data was altered. */
    std::vector<std::string> problems;

    /// Copies and moves the result; the raw files (the DG2 photo, the holder's data), the document and the face are
    /// wiped when it is destroyed or replaced by assignment.
    ///@{
    ReadResult() = default;
    ReadResult(const ReadResult&) = default;
    ReadResult(ReadResult&&) noexcept = default;
    ReadResult& operator=(const ReadResult& other);
    ReadResult& operator=(ReadResult&& other) noexcept;
    ~ReadResult();
    ///@}
};

/**
 * Reads the card on a reader. The SOD, not EF.COM, decides which data groups are read; verification (see
 * verification.hpp) runs on what was read. Throws Error with kind NotFound/MalformedData for an unusable trust
 * path (before touching the card), NoReader/NoCard/ServiceUnavailable (no reader or card), AccessDenied (wrong CAN
 * or MRZ data: one attempt, no retries), CardRemoved/Communication (the card left or answered wrongly).
 * Malformed files are not errors: they are reported in problems and fail verification.
 */
ReadResult readCard(const AccessKey& key, const ReadOptions& options = {});

} // namespace cccd
