// Reads elementary files of the eMRTD application (ICAO 9303-10 and -11, ISO/IEC 7816-4 READ BINARY)
// as fast as the link allows:
// - the first block is read by short file identifier (no SELECT round trip), as large as the block size, so a
//   file up to the block size comes in one exchange; with a progress callback, at most 1 KiB, so the total is
//   known before the long rest of a large file;
// - the file length comes from its TLV header, so every later block is sized exactly;
// - blocks are as large as the channel allows (extended length when possible) and the size steps down
//   on 6700 / 6282 / 6B00 answers to a large Le; the size that worked is kept for the session;
// - offsets above 32767 use READ BINARY with an odd INS (B1, offset in DO'54').
#pragma once

#include "core/bytes.hpp"
#include "transport/apdu_channel.hpp"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace cccd::icao {

/** An elementary file: its file identifier, its short file identifier (0 = none) and a name for messages. */
struct ElementaryFile {
    std::uint16_t fid = 0;
    std::uint8_t sfi = 0;
    std::string name;
};

/** Progress of one file: bytes read so far and the file's total size (0 until the header is known). */
using FileProgress = std::function<void(const ElementaryFile&, std::size_t done, std::size_t total)>;

/** The most plain bytes one short answer carries under secure messaging: 224 would pad to 240 with AES, and
 *  with DO'87', DO'99' and DO'8E' pass the 256 bytes a short Le allows. */
inline constexpr std::size_t maxShortBlockUnderSm = 223;

/** Limits on block sizes, e.g. from a reader profile (drivers/readers/). */
struct ReadPolicy {
    bool allowExtendedLength = true;
    std::size_t maxBlock = 65536;      ///< cap on Ne for one READ BINARY
    std::size_t maxShortBlock = 256;   ///< cap on Ne for short APDUs: maxShortBlockUnderSm under secure messaging
    std::size_t largestFile = 1 << 20; ///< refuse files whose header claims more (hostile chip); each file has its own cap too (file_size_limits.hpp)
};

/** Why a file could not be read, when that is an answer rather than an error. */
enum class FileStatus { Read, NotFound, AccessDenied };

struct FileResult {
    FileStatus status = FileStatus::Read;
    Bytes content; ///< the whole file, outer tag included
};

class FileReader {
public:
    FileReader(ApduChannel& channel, ReadPolicy policy = {});

    /** Reads a whole file. A 6A82 / 6982 on the first read is returned as a status; other errors throw.
     *  progress (optional) costs one exchange more for a file over 1 KiB: see above. */
    FileResult read(const ElementaryFile& file, const FileProgress& progress = {});

    /** The block size (Ne) currently in use. */
    std::size_t blockSize() const noexcept { return ladder_[rung_]; }
    /** True when extended length was tried and refused: later readers of this card should not try it again. */
    bool extendedLengthRefused() const noexcept { return startedExtended_ && rung_ > 0; }
    /** Number of READ BINARY / SELECT commands sent so far. */
    std::size_t commandCount() const noexcept { return commands_; }

private:
    ResponseApdu send(const CommandApdu& command);
    bool stepDown();
    ResponseApdu readFirstBlock(const ElementaryFile& file, bool totalFirst);
    Bytes readAt(const ElementaryFile& file, std::size_t offset, std::size_t count);

    ApduChannel& channel_;
    ReadPolicy policy_;
    std::vector<std::size_t> ladder_;
    std::size_t rung_ = 0;
    std::size_t commands_ = 0;
    bool startedExtended_ = false;
};

} // namespace cccd::icao
