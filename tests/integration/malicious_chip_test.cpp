// Malicious and broken chips read through the real pcscd: each hostile card must end `cccd read` with a typed error
// (docs/cli.md) in bounded time and memory, never a crash, a hang or a verdict it cannot back. The time and the peak
// resident memory of the cccd process for each case go to docs/security-figures/malicious-chips.md.
#include "figures_file.hpp"
#include "measured_run.hpp"
#include "pcscd_instance.hpp"
#include "test_data.hpp"
#include "vcard_instance.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>

using cccd::test::testCscaPath;
using cccd::test::PcscdInstance;
using cccd::test::programPath;
using cccd::test::MeasuredRun;
using cccd::test::VcardInstance;
using namespace std::chrono_literals;

namespace {
constexpr double boundSeconds = 30; // the slowest case is a chip gone silent during a 64 KiB block (5 s + its transfer time)
constexpr double rssFactor = 3;     // a hostile card may cost at most this many times a genuine read's memory

struct HostileCard {
    std::string name;                // the case, as the issue names it
    std::vector<std::string> faults; // cccd-vcard --fault values
    int exitCode;                    // docs/cli.md
    std::string code;                // the JSON error code, or "problems" for files read that do not parse
    std::string says;                // a part of the message
    double maxSeconds = boundSeconds;
    bool interactive = false;        // `cccd read` at a terminal, without --json: its progress bar makes the first read of a large file 1 KiB
};

const std::vector<HostileCard> hostileCards{
    {"length field larger than the file (DG1 claims 600 bytes)", {"claim-length:DG1:600"}, 5, "malformed_data", "before the length its header gives"},
    {"DG2 claiming 4 GB", {"claim-length:DG2:4294967295"}, 5, "malformed_data", "its header claims 4294967"},
    {"a response longer than Le", {"overlong-response", "no-extended"}, 5, "communication", "where at most 256 were asked for"},
    // Extended length: the SDK asks 64 KiB, more than any file here, except for the first 1 KiB block an interactive read
    // asks to show progress; secure messaging carries that Le inside the cryptogram.
    {"a response longer than Le, extended length (an interactive read's 1 KiB first block of DG2)", {"overlong-response"}, 5, "",
     "the card answered 1056 bytes where at most 1024 were asked for", boundSeconds, true},
    {"deeply nested TLVs in DG13 (15000 levels, indefinite lengths)", {"nest:DG13:15000"}, 5, "problems", "indefinite length not allowed"},
    {"deeply nested TLVs in DG2 (200000 levels, indefinite lengths)", {"nest:DG2:200000"}, 5, "problems", "indefinite length not allowed"},
    {"deeply nested TLVs in a DG13 field (15000 levels, definite lengths)", {"nest-definite:DG13:15000"}, 5, "problems", "nesting deeper than 32"},
    {"endless 61xx chaining", {"chain:61"}, 5, "communication", "GET RESPONSE chain longer than"},
    {"endless 6Cxx chaining (another Le at every retry)", {"chain:6C"}, 5, "communication", "6Cxx (wrong Le) again after the one retry"},
    {"a wrong MAC", {"bad-mac"}, 5, "communication", "MAC check failed"},
    {"a replayed response", {"replay"}, 5, "communication", "MAC check failed"},
    {"a chip that stops answering", {"mute-after:10"}, 5, "communication", "did not answer in time"},
    {"a chip that answers very slowly (7 s per answer)", {"latency:7000"}, 5, "communication", "did not answer in time"},
    {"a huge certificate in the SOD (512 KiB)", {"huge-certificate:512"}, 5, "malformed_data", "EF.SOD: its header claims"},
    // Under the SOD's cap: CMS and certificate parsing run on it; the chip could not have the CSCA sign it.
    {"a large certificate in the SOD (48 KiB in 192 extensions, signed by the chip)", {"forged-certificate:48"}, 6, "", "but that CSCA did not sign it"},
};

std::vector<std::string> readCommand(const std::string& extra = "")
{
    std::vector<std::string> args{programPath("cccd"), "read", "--id", "001090123456", "--trust", testCscaPath(), "--json"};
    if (!extra.empty()) args.insert(args.end(), {"--out", extra});
    return args;
}

// The same read at a terminal (util-linux script gives it one): the way a counter clerk runs it, with a progress bar.
std::vector<std::string> interactiveReadCommand()
{
    std::string line;
    for (const std::string& arg : readCommand()) {
        if (arg != "--json") line += (line.empty() ? "" : " ") + arg;
    }
    return {"/usr/bin/script", "--quiet", "--return", "--command", line, "/dev/null"};
}

std::vector<std::string> vcardArgs(const std::vector<std::string>& faults)
{
    std::vector<std::string> args{"--link", "none"};
    for (const std::string& f : faults) args.insert(args.end(), {"--fault", f});
    return args;
}

// The error code and message a run ended with: the JSON error, or the first problem of a report.
std::pair<std::string, std::string> outcome(const MeasuredRun& r)
{
    nlohmann::json j = nlohmann::json::parse(r.out, nullptr, false);
    if (j.is_discarded()) return {"(no JSON)", r.err};
    if (j.contains("error")) return {j["error"]["code"].get<std::string>(), j["error"]["message"].get<std::string>()};
    if (j.contains("problems") && !j["problems"].empty()) {
        const nlohmann::json& p = j["problems"][0];
        return {"problems", p.is_string() ? p.get<std::string>() : p.dump()};
    }
    if (j.contains("problem") && j["problem"].is_string()) return {"problem", j["problem"].get<std::string>()}; // face-match
    if (j.contains("verification")) {
        const nlohmann::json& v = j["verification"];
        std::string overall = v["overall"].get<std::string>();
        if (overall == "VALID" || !v["passive_authentication"].is_object()) return {"", overall};
        return {"", overall + ": " + v["passive_authentication"]["reason"].get<std::string>()}; // why, for the figures
    }
    return {"", j.dump().substr(0, 80)};
}

// The message of an interactive run: its last "cccd: " line (text mode names no error code).
std::pair<std::string, std::string> interactiveOutcome(const MeasuredRun& r)
{
    std::size_t at = r.out.rfind("cccd: ");
    if (at == std::string::npos) return {"(no message)", r.out.substr(0, 200)};
    std::string line = r.out.substr(at + 6, r.out.find_first_of("\r\n", at) - at - 6);
    return {"", line};
}

void record(const std::string& name, const std::vector<std::string>& faults, const MeasuredRun& r, const std::string& code, std::string message)
{
    static const std::vector<std::string> header{
        "# Malicious and broken chips", "",
        "Regenerated by `tests/integration/malicious_chip_test.cpp`: `cccd read --id … --trust … --json` of a `cccd-vcard` with these",
        "faults (docs/vcard.md) behind the real pcscd, Release build, `--link none`, 2-core machine. Peak RSS is the cccd process's",
        "(getrusage of the child). An interactive row ran the same read without `--json` at a terminal (util-linux `script`),",
        "as a clerk runs it: text mode names no error code.", "",
        "| case | cccd-vcard --fault | exit | error code | message | seconds | peak RSS (MB) |", "|---|---|---|---|---|---|---|"};
    std::string faultList;
    for (const std::string& f : faults) faultList += (faultList.empty() ? "`" : " `") + f + "`";
    if (message.size() > 110) message = message.substr(0, 110) + " …";
    for (char& c : message) c = c == '|' ? '/' : c;
    cccd::test::recordFigureRow("malicious-chips.md", header, name,
                                "| " + name + " | " + (faultList.empty() ? "—" : faultList) + " | " + std::to_string(r.exitCode) + " | " +
                                    (code.empty() ? "—" : "`" + code + "`") + " | " + message + " | " + cccd::test::twoDecimals(r.seconds) + " | " +
                                    cccd::test::twoDecimals(r.peakRssMb) + " |");
}

// A read of the genuine card with the same options: the reference for memory.
MeasuredRun genuineRead(const PcscdInstance& pcscd)
{
    VcardInstance card(pcscd, "", vcardArgs({}));
    MeasuredRun genuine = cccd::test::runMeasured(readCommand(), {}, 60s);
    REQUIRE(genuine.exitCode == 0);
    return genuine;
}

// Checks a hostile card's run against what it must give, and records it.
void checkAndRecord(const HostileCard& card, const MeasuredRun& r, double genuineRssMb)
{
    auto [code, message] = card.interactive ? interactiveOutcome(r) : outcome(r);
    INFO(card.name << ": exit " << r.exitCode << ", " << code << ": " << message << "\n" << r.err);
    CHECK_FALSE(r.timedOut);
    CHECK(r.exitCode == card.exitCode);
    CHECK(code == card.code);
    CHECK_THAT(message, Catch::Contains(card.says));
    CHECK(r.seconds < card.maxSeconds);
    CHECK(r.peakRssMb < rssFactor * genuineRssMb);
    record(card.name, card.faults, r, code, message);
}
} // namespace

TEST_CASE("malicious and broken chips: a typed error, bounded time and bounded memory for each, with the figures")
{
    PcscdInstance pcscd;
    const MeasuredRun genuine = genuineRead(pcscd);
    record("a genuine card (reference)", {}, genuine, "", outcome(genuine).second);
    for (const HostileCard& hostile : hostileCards) {
        VcardInstance card(pcscd, "", vcardArgs(hostile.faults));
        checkAndRecord(hostile, cccd::test::runMeasured(hostile.interactive ? interactiveReadCommand() : readCommand(), {}, 60s), genuine.peakRssMb);
    }
}

TEST_CASE("a chip that drips its answers, each just under the per-answer limit, is cut off by the 60-second limit on a read")
{
    PcscdInstance pcscd;
    const MeasuredRun genuine = genuineRead(pcscd);
    // 4 s an answer passes the 5 s limit on each PC/SC call; the 20-odd exchanges of a read would take 80 s or more.
    const HostileCard dripping{"a chip that drips its answers (4 s each, under the 5 s limit per answer)", {"latency:4000"}, 5, "communication",
                               "the read took more than 60 s", 60 + 5 + 5};
    VcardInstance card(pcscd, "", vcardArgs(dripping.faults));
    MeasuredRun r = cccd::test::runMeasured(readCommand(), {}, 120s);
    CHECK(r.seconds > 60); // cut off by the read's limit, not before
    checkAndRecord(dripping, r, genuine.peakRssMb);
}

TEST_CASE("a response from the previous session is refused: a chip that replays what it answered last time")
{
    PcscdInstance pcscd;
    VcardInstance card(pcscd, "", vcardArgs({"previous-session"}));
    MeasuredRun first = cccd::test::runMeasured(readCommand(), {}, 60s);
    REQUIRE(first.exitCode == 0); // the first session is honest: it is what the chip records
    checkAndRecord({"a response from the previous session", {"previous-session"}, 5, "communication", "MAC check failed"},
                   cccd::test::runMeasured(readCommand(), {}, 60s), first.peakRssMb);
}

// Reads a chip with these faults into a dump (the issuer signed its DG2: reading and verifying never decode the image), then
// runs `cccd face-match --dir` on the dump: the first step that decodes the chip's face.
MeasuredRun faceMatchOfChip(const std::vector<std::string>& faults, std::string& dump)
{
    PcscdInstance pcscd;
    dump = pcscd.workDir() + "/dump";
    MeasuredRun read;
    {
        VcardInstance card(pcscd, "", vcardArgs(faults));
        read = cccd::test::runMeasured(readCommand(dump), {}, 60s);
    }
    INFO(read.out << read.err);
    REQUIRE(read.exitCode == 0);
    REQUIRE(std::filesystem::exists(dump + "/face.jp2"));
    std::vector<std::string> faceMatch{programPath("cccd"), "face-match", "--dir", dump, "--live", cccd::test::sampleProfile("faces/sample-face.jpg"), "--json", "--models",
                                       cccd::test::dataRoot() + "/models"};
    return cccd::test::runMeasured(faceMatch, {}, 60s);
}

TEST_CASE("a JPEG 2000 bomb in DG2 (a 60000 x 60000 codestream of 82 bytes) is refused before decoding")
{
    std::string dump;
    MeasuredRun match = faceMatchOfChip({"jp2-bomb"}, dump);
    auto [code, message] = outcome(match);
    INFO(match.out << match.err);
    CHECK_FALSE(match.timedOut);
    // Refused as a file over the image limits (exit 2, as face-match says of any file it is given), never decoded.
    CHECK(match.exitCode == 2);
    CHECK_THAT(message, Catch::Contains("60000"));
    CHECK(match.seconds < boundSeconds);
    CHECK(match.peakRssMb < 1024);
    if (std::size_t at = message.find(dump); at != std::string::npos) message.replace(at, dump.size(), "dump"); // no temporary paths in the figures
    record("a JPEG 2000 bomb in DG2 (`cccd face-match --dir` of its dump)", {"jp2-bomb"}, match, code, message);
}

TEST_CASE("the largest JPEG 2000 the image limits let through (7300 x 5470, 3 components) is decoded in bounded time and memory")
{
    std::string dump;
    MeasuredRun match = faceMatchOfChip({"jp2-largest"}, dump);
    auto [code, message] = outcome(match);
    INFO(match.out << match.err);
    CHECK_FALSE(match.timedOut);
    // Decoded in full (40 megapixels of 3 components): a flat grey picture, in which no face is found.
    CHECK(match.exitCode == 7);
    CHECK_THAT(message, Catch::Contains("blank"));
    CHECK(match.seconds < boundSeconds);
    CHECK(match.peakRssMb < 2048);
    record("the largest JPEG 2000 within the limits in DG2, flat, 7300 x 5470 x 3 (`cccd face-match --dir` of its dump)", {"jp2-largest"}, match, code,
           message);
}
