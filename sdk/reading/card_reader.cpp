// readCard: reader -> PC/SC channel -> access control -> secure channel -> files -> Document.
#include "cccd/card_reader.hpp"

#include "cccd/error.hpp"
#include "cccd/readers.hpp"
#include "core/log.hpp"
#include "core/secure.hpp"
#include "core/tlv.hpp"
#include "cccd/trust_store.hpp"
#include "icao/chip_authentication.hpp"
#include "icao/file_reader.hpp"
#include "pki/passive_authentication.hpp"
#include "icao/secure_channel.hpp"
#include "lds/dg1.hpp"
#include "lds/dg13_vn.hpp"
#include "lds/dg2.hpp"
#include "lds/ef_com.hpp"
#include "lds/lds_files.hpp"
#include "reading/access_control.hpp"
#include "transport/chaining_channel.hpp"
#include "transport/pcsc/pcsc_card.hpp"
#include "transport/reader_profile.hpp"
#include "vn/document_builder.hpp"

#include <algorithm>
#include <chrono>
#include <ctime>

namespace cccd {

FaceImage::~FaceImage() { secureZero(data.data(), data.size()); }

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
    ReadResult result;
    result.reader = pickReader(options);
    std::optional<transport::ReaderProfile> profile = transport::readerProfileFor(result.reader);

    pcsc::Context context;
    pcsc::Card card(context, result.reader);
    pcsc::Channel raw(card, limitsFor(card, profile));
    ChainingChannel plain(raw);
    result.timing.connect = msSince(start);

    auto progress = [&options](const icao::ElementaryFile& f, std::size_t done, std::size_t total) {
        if (options.onProgress) options.onProgress(ReadProgress{f.name, done, total});
    };
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
    }
    reading::OpenedChip opened = reading::openChip(plain, key, cardAccess, crypto::systemRandom());
    result.access = opened.access;
    icao::SecureChannel secure(plain, std::move(opened.secureMessaging));
    if (!opened.applicationSelected) {
        ResponseApdu selected = secure.transmit(reading::selectEmrtdApplication());
        if (!selected.isSuccess()) throw CardStatusError("selecting the eMRTD application", 0xA4, selected.sw().value());
    }
    result.timing.access = msSince(accessStart);

    // Files: COM first (which DGs exist), DG1 and DG13 for the early result, then SOD, DG14, DG15, DG2 last.
    const auto readStart = Clock::now();
    icao::FileReader reader(secure, policy);
    auto readFile = [&](const char* name) -> bool {
        icao::FileResult f = reader.read(elementary(*lds::fileByName(name)), progress);
        if (f.status != icao::FileStatus::Read) return false;
        result.files[name] = std::move(f.content);
        return true;
    };
    std::vector<int> present{1, 2, 13, 14, 15};
    if (readFile("COM")) present = lds::parseEfCom(result.files["COM"]).dataGroups;
    auto listed = [&present](int dg) { return std::find(present.begin(), present.end(), dg) != present.end(); };

    // A file that does not parse is reported, not fatal: the rest is still read and verified.
    auto parsed = [&result](const char* name, auto parse) -> decltype(parse()) {
        try {
            return parse();
        } catch (const ParseError& e) {
            result.problems.push_back(std::string(name) + " does not parse: " + e.what());
            return std::nullopt;
        }
    };
    std::optional<lds::Mrz> mrz;
    std::optional<lds::Dg13> dg13;
    if (listed(1) && readFile("DG1")) mrz = parsed("DG1", [&] { return std::optional<lds::Mrz>(lds::parseDg1(result.files["DG1"])); });
    if (listed(13) && readFile("DG13")) dg13 = parsed("DG13", [&] { return std::optional<lds::Dg13>(lds::parseDg13(result.files["DG13"])); });
    result.document = vn::buildDocument(mrz, dg13);
    if (options.onDocument) options.onDocument(result.document);

    readFile("SOD");
    if (listed(14)) readFile("DG14");
    if (listed(15)) readFile("DG15");

    // Chip Authentication re-keys the channel; the face is then read under the new keys.
    double verifyMs = 0;
    std::optional<lds::SecurityInfos> dg14;
    if (result.files.count("DG14")) {
        dg14 = parsed("DG14", [&] { return std::optional<lds::SecurityInfos>(lds::parseSecurityInfos(parseTlv(result.files["DG14"], "DG14").value, "DG14")); });
    }
    if (options.verify) {
        const auto caStart = Clock::now();
        VerificationReport& v = result.verification;
        v.chipAuthentication = dg14 ? icao::performChipAuthentication(secure, *dg14, crypto::systemRandom())
                                    : CheckResult{CheckStatus::NotSupported, "the chip has no DG14"};
        if (result.files.count("DG15") && secure.isOpen()) {
            v.activeAuthentication = icao::performActiveAuthentication(secure, parseTlv(result.files["DG15"], "DG15").value, dg14,
                                                                       crypto::systemRandom());
        } else if (!result.files.count("DG15")) {
            v.activeAuthentication = CheckResult{CheckStatus::NotSupported, "the chip has no DG15"};
        } else {
            v.activeAuthentication.reason = "not run: the chip ended the session when chip authentication failed";
        }
        verifyMs += msSince(caStart);
    }
    std::optional<lds::FaceImage> parsedFace;
    if (options.readFace && listed(2) && secure.isOpen() && readFile("DG2")) {
        parsedFace = parsed("DG2", [&] { return std::optional<lds::FaceImage>(lds::parseDg2(result.files["DG2"])); });
    }
    if (parsedFace) {
        lds::FaceImage& face = *parsedFace;
        FaceImage out;
        out.format = lds::formatName(face.format);
        out.width = face.width;
        out.height = face.height;
        out.data = std::move(face.image);
        result.face = std::move(out);
    }
    result.timing.read = msSince(readStart) - verifyMs;
    if (options.verify) {
        const auto paStart = Clock::now();
        TrustStore trust;
        if (options.useDefaultTrust) trust.addDefaultLocation();
        for (const std::string& path : options.trustPaths) trust.add(path);
        result.verification.passive = pki::verifyPassive(result.files, trust, std::time(nullptr));
        result.verification.overall = overallVerdict(result.verification);
        result.timing.verify = verifyMs + msSince(paStart);
    }
    result.apduCount = raw.commandCount();
    result.timing.total = msSince(start);
    log::info("read " + std::to_string(result.files.size()) + " files with " + std::to_string(result.apduCount) + " APDUs in " +
              std::to_string(static_cast<int>(result.timing.total)) + " ms (block " + std::to_string(reader.blockSize()) + ")");
    return result;
}

} // namespace cccd
