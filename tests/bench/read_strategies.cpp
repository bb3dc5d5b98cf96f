#include "read_strategies.hpp"

#include "baseline_files.hpp"
#include "cccd/card_reader.hpp"
#include "cccd/error.hpp"
#include "cccd/readers.hpp"
#include "crypto/crypto.hpp"
#include "icao/secure_channel.hpp"
#include "lds/lds_files.hpp"
#include "lds/security_infos.hpp"
#include "lds/sod.hpp"
#include "reading/access_control.hpp"
#include "reading/chip_proof.hpp"
#include "reading/document_files.hpp"
#include "reading/document_verification.hpp"
#include "transport/chaining_channel.hpp"
#include "transport/pcsc/pcsc_card.hpp"

#include <chrono>
#include <ctime>
#include <set>

namespace cccd::bench {

namespace {
using Clock = std::chrono::steady_clock;
double msSince(Clock::time_point t) { return std::chrono::duration<double, std::milli>(Clock::now() - t).count(); }

double threadCpuMs()
{
    timespec t{};
    ::clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6;
}

std::optional<std::string> judge(Verdict overall, bool face)
{
    if (!face) return std::string("no face read");
    if (overall != Verdict::Valid) return std::string("verification is not VALID");
    return std::nullopt;
}

void keepSizes(ReadFigures& f, const std::map<std::string, Bytes>& files)
{
    for (const auto& [name, content] : files) f.fileBytes[name] = content.size();
}

ReadFigures readWithCccd(const std::string& can, const std::shared_ptr<const TrustStore>& trust)
{
    ReadFigures f;
    ReadOptions options;
    options.trust = trust;
    const auto start = Clock::now();
    options.onDocument = [&](const Document&) { f.firstDataMs = msSince(start); };
    ReadResult r = readCard(AccessKey::fromCan(can), options);
    f.totalMs = msSince(start);
    f.apdus = r.apduCount;
    keepSizes(f, r.files);
    f.failure = judge(r.verification.overall, r.face.has_value());
    return f;
}

// EF.COM, then the data groups it lists in the order such readers use, then the SOD.
const char* const baselineOrder[] = {"COM", "DG2", "DG1", "DG13", "DG14", "DG15", "SOD"};

ReadFigures readLikeBaseline(const std::string& can, const TrustStore& trust)
{
    ReadFigures f;
    const auto start = Clock::now();
    pcsc::Context context;
    pcsc::Card card(context, chooseReader(""));
    pcsc::Channel raw(card, ChannelLimits{}); // short APDUs only: fixed 223-byte blocks
    ChainingChannel plain(raw);
    std::map<std::string, Bytes> files;
    files["CardAccess"] = readInFixedBlocks(plain, lds::fileByName("CardAccess")->fid, "EF.CardAccess").value();
    std::optional<lds::SecurityInfos> cardAccess = lds::parseCardAccess(files["CardAccess"]);
    reading::OpenedChip opened = reading::openChip(plain, AccessKey::fromCan(can), cardAccess, crypto::systemRandom());
    icao::SecureChannel secure(plain, std::move(opened.secureMessaging));
    ResponseApdu selected = secure.transmit(reading::selectEmrtdApplication());
    if (!selected.isSuccess()) throw CardStatusError("selecting the eMRTD application", 0xA4, selected.sw().value());

    std::set<int> withheld;
    for (const char* name : baselineOrder) {
        const lds::LdsFile file = *lds::fileByName(name);
        std::optional<Bytes> content = readInFixedBlocks(secure, file.fid, name);
        if (content) files[name] = std::move(*content);
        else if (file.dataGroup > 0) withheld.insert(file.dataGroup);
    }
    std::vector<std::string> problems;
    std::optional<lds::SecurityObject> sod = reading::parseIfPresent(files, "SOD", problems, [](ByteView b) { return lds::parseSod(b); });

    const double cpuStart = threadCpuMs();
    reading::ChipProof proof = reading::proveChip(secure, sod, files, withheld, problems);
    reading::DocumentFiles parsed = reading::parseDocumentFiles(files);
    reading::ChipEvidence chip;
    chip.live = true;
    chip.faceShown = files.count("DG2") > 0;
    chip.withheld = withheld;
    chip.chipAuthentication = proof.chipAuthentication;
    chip.activeAuthentication = proof.activeAuthentication;
    VerificationReport report = reading::verifyDocument(files, parsed, chip, trust, std::time(nullptr));
    f.proofCpuMs = threadCpuMs() - cpuStart;

    f.totalMs = msSince(start);
    f.firstDataMs = f.totalMs; // no early result: the document is shown with the verdict
    f.apdus = raw.commandCount();
    keepSizes(f, files);
    f.failure = judge(report.overall, chip.faceShown);
    return f;
}
} // namespace

const char* nameOf(Strategy s) { return s == Strategy::Cccd ? "cccd" : "baseline"; }

ReadFigures readOnce(Strategy strategy, const std::string& can, const std::shared_ptr<const TrustStore>& trust)
{
    try {
        return strategy == Strategy::Cccd ? readWithCccd(can, trust) : readLikeBaseline(can, *trust);
    } catch (const std::exception& e) {
        ReadFigures f;
        f.failure = e.what();
        return f;
    }
}

} // namespace cccd::bench
