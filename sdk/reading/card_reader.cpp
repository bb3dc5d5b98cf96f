// readCard: reader -> PC/SC channel -> access control -> secure channel -> files -> Document.
#include "cccd/card_reader.hpp"

#include "cccd/error.hpp"
#include "cccd/readers.hpp"
#include "core/log.hpp"
#include "core/secure.hpp"
#include "core/tlv.hpp"
#include "cccd/trust_store.hpp"
#include "icao/file_reader.hpp"
#include "icao/secure_channel.hpp"
#include "lds/dg2.hpp"
#include "lds/ef_com.hpp"
#include "lds/lds_files.hpp"
#include "lds/sod.hpp"
#include "reading/access_control.hpp"
#include "reading/chip_proof.hpp"
#include "reading/document_files.hpp"
#include "reading/document_verification.hpp"
#include "transport/chaining_channel.hpp"
#include "transport/pcsc/pcsc_card.hpp"
#include "transport/reader_profile.hpp"

#include <algorithm>
#include <chrono>
#include <ctime>
#include <set>

namespace cccd {

FaceImage::~FaceImage() { secureZero(data.data(), data.size()); }

FaceImage& FaceImage::operator=(const FaceImage& other) { return wipeAndReplace(*this, other); }
FaceImage& FaceImage::operator=(FaceImage&& other) noexcept { return wipeAndReplace(*this, std::move(other)); }

// The document and the face wipe themselves.
ReadResult::~ReadResult()
{
    for (auto& [name, content] : files) secureZero(content.data(), content.size());
}

ReadResult& ReadResult::operator=(const ReadResult& other) { return wipeAndReplace(*this, other); }
ReadResult& ReadResult::operator=(ReadResult&& other) noexcept { return wipeAndReplace(*this, std::move(other)); }

const char* describe(ReadStage stage)
{
    switch (stage) {
    case ReadStage::WaitingForCard: return "waiting for a card";
    case ReadStage::Connecting: return "connecting to the card";
    case ReadStage::OpeningChip: return "opening the chip (PACE/BAC)";
    case ReadStage::ReadingData: return "reading the holder's data";
    case ReadStage::ProvingChip: return "checking the chip is genuine";
    case ReadStage::ReadingFace: return "reading the face";
    case ReadStage::Verifying: return "verifying the signature";
    }
    return "";
}

namespace {
using Clock = std::chrono::steady_clock;
double msSince(Clock::time_point start) { return std::chrono::duration<double, std::milli>(Clock::now() - start).count(); }

icao::ElementaryFile elementary(const lds::LdsFile& f)
{
    return {f.fid, f.sfi, f.dataGroup > 0 ? f.name : std::string("EF.") + f.name};
}

std::string pickReader(const ReadOptions& options)
{
    if (options.waitForCard.count() > 0) {
        std::string name = options.reader.empty() ? "" : chooseReader(options.reader);
        return waitForCard(name, options.waitForCard);
    }
    return chooseReader(options.reader); // no card there: connecting says so (SCARD_E_NO_SMARTCARD -> NoCard)
}

// What the channel may carry: what the reader says, capped by its profile; short APDUs when nothing is known.
ChannelLimits limitsFor(const pcsc::Card& card, const std::optional<transport::ReaderProfile>& profile)
{
    std::optional<ChannelLimits> reported = card.readerLimits();
    ChannelLimits limits = reported.value_or(ChannelLimits{});
    if (!reported && profile) limits = ChannelLimits{profile->extendedLength, profile->extendedLength ? 65544u : 261u,
                                                     profile->extendedLength ? 65538u : 258u};
    if (profile && !profile->extendedLength) limits.extendedLength = false;
    return limits;
}
} // namespace

ReadResult readCard(const AccessKey& key, const ReadOptions& options)
{
    const auto start = Clock::now();
    // Trust first: a bad trust path is said before the card is touched, not after the read.
    std::shared_ptr<const TrustStore> trust = options.trust;
    if (options.verify && !trust) trust = std::make_shared<const TrustStore>(reading::loadTrust(options.trustPaths, options.useDefaultTrust));
    auto stage = [&options](ReadStage s) {
        if (options.onStage) options.onStage(s);
    };
    ReadResult result;
    if (options.waitForCard.count() > 0) stage(ReadStage::WaitingForCard);
    result.reader = pickReader(options);
    stage(ReadStage::Connecting);
    std::optional<transport::ReaderProfile> profile = transport::readerProfileFor(result.reader);

    pcsc::Context context;
    pcsc::Card card(context, result.reader);
    pcsc::Channel raw(card, limitsFor(card, profile));
    ChainingChannel plain(raw);
    result.timing.connect = msSince(start);

    icao::FileProgress progress; // only when watched: it costs an exchange per large file (file_reader.hpp)
    if (options.onProgress) {
        progress = [&options](const icao::ElementaryFile& f, std::size_t done, std::size_t total) {
            options.onProgress(ReadProgress{f.name, done, total});
        };
    }
    icao::ReadPolicy policy;
    if (profile) {
        policy.allowExtendedLength = profile->extendedLength;
        policy.maxBlock = profile->maxLe;
    }

    // EF.CardAccess is readable in the clear, straight from the master file (no SELECT MF: CCCD answers 6D00).
    const auto accessStart = Clock::now();
    std::optional<lds::SecurityInfos> cardAccess;
    {
        icao::FileReader clear(plain, policy);
        icao::FileResult f = clear.read(elementary(*lds::fileByName("CardAccess")));
        if (f.status == icao::FileStatus::Read) {
            cardAccess = lds::parseCardAccess(f.content);
            result.files["CardAccess"] = std::move(f.content);
        }
        if (clear.extendedLengthRefused()) policy.allowExtendedLength = false; // known now: not asked again under SM
    }
    policy.maxShortBlock = icao::maxShortBlockUnderSm;
    stage(ReadStage::OpeningChip);
    reading::OpenedChip opened = reading::openChip(plain, key, cardAccess, crypto::systemRandom());
    result.access = opened.access;
    icao::SecureChannel secure(plain, std::move(opened.secureMessaging));
    if (!opened.applicationSelected && cardAccess && lds::announcesCardSecurity(*cardAccess)) { // in the MF, before the application
        icao::FileResult f = icao::FileReader(secure, policy).read({0x011D, 0x1D, "EF.CardSecurity"}, progress);
        if (f.status == icao::FileStatus::Read) result.files["CardSecurity"] = std::move(f.content);
    }
    if (!opened.applicationSelected) {
        ResponseApdu selected = secure.transmit(reading::selectEmrtdApplication());
        if (!selected.isSuccess()) throw CardStatusError("selecting the eMRTD application", 0xA4, selected.sw().value());
    }
    result.timing.access = msSince(accessStart);

    // DG1 and DG13 first, for the early result; then the SOD, which says what else the document holds (EF.COM is
    // not signed: a clone edits it). DG14/DG15 and chip proof before the face, which is read last.
    const auto readStart = Clock::now();
    stage(ReadStage::ReadingData);
    icao::FileReader reader(secure, policy);
    std::set<int> withheld;
    auto readFile = [&](const char* name) -> bool {
        const lds::LdsFile file = *lds::fileByName(name);
        icao::FileResult f = reader.read(elementary(file), progress);
        if (f.status != icao::FileStatus::Read) {
            if (file.dataGroup > 0) withheld.insert(file.dataGroup);
            return false;
        }
        result.files[name] = std::move(f.content);
        return true;
    };
    readFile("DG1");
    reading::DocumentFiles parsed = reading::parseDocumentFiles(result.files);
    if (reading::mayHoldVietnameseDg13(parsed.mrz) && readFile("DG13")) parsed = reading::parseDocumentFiles(result.files);
    result.document = parsed.document;
    result.problems = parsed.problems;
    if (options.onDocument) options.onDocument(result.document);

    readFile("SOD");
    std::vector<std::string> sodProblems; // passive authentication says why an SOD does not parse
    std::optional<lds::SecurityObject> sod = reading::parseIfPresent(result.files, "SOD", sodProblems, [](ByteView b) { return lds::parseSod(b); });
    std::optional<std::vector<int>> comList; // kept for the dump; used only when there is no SOD to go by
    if (readFile("COM")) comList = reading::parseIfPresent(result.files, "COM", result.problems, [](ByteView b) { return lds::parseEfCom(b).dataGroups; });
    auto listed = [&](int dg) {
        if (sod) return sod->dataGroupHashes.count(dg) > 0;
        return !comList || std::find(comList->begin(), comList->end(), dg) != comList->end(); // no SOD: INVALID, but show what is there
    };
    if (listed(14)) readFile("DG14");
    if (listed(15)) readFile("DG15");

    // Chip Authentication re-keys the channel; the face is then read under the new keys.
    double verifyMs = 0;
    reading::ChipEvidence chip;
    chip.live = true;
    if (options.verify) {
        stage(ReadStage::ProvingChip);
        const auto caStart = Clock::now();
        reading::ChipProof proof = reading::proveChip(secure, sod, result.files, withheld, result.problems);
        chip.chipAuthentication = proof.chipAuthentication;
        chip.activeAuthentication = proof.activeAuthentication;
        verifyMs += msSince(caStart);
    }
    chip.faceShown = options.readFace && listed(2) && secure.isOpen();
    if (chip.faceShown) stage(ReadStage::ReadingFace);
    if (chip.faceShown && readFile("DG2")) {
        std::optional<lds::FaceImage> face = reading::parseIfPresent(result.files, "DG2", result.problems, [](ByteView b) { return lds::parseDg2(b); });
        if (face) {
            FaceImage out;
            out.format = lds::formatName(face->format);
            out.width = face->width;
            out.height = face->height;
            out.data = std::move(face->image);
            result.face = std::move(out);
        }
    }
    result.timing.read = msSince(readStart) - verifyMs;
    if (options.verify) {
        stage(ReadStage::Verifying);
        const auto paStart = Clock::now();
        chip.withheld = withheld;
        result.verification = reading::verifyDocument(result.files, parsed, chip, *trust, options.verifyAt.value_or(std::time(nullptr)));
        result.timing.verify = verifyMs + msSince(paStart);
    }
    result.apduCount = raw.commandCount();
    result.timing.total = msSince(start);
    log::info("read " + std::to_string(result.files.size()) + " files with " + std::to_string(result.apduCount) + " APDUs in " +
              std::to_string(static_cast<int>(result.timing.total)) + " ms (block " + std::to_string(reader.blockSize()) + ")");
    return result;
}

} // namespace cccd
