// `cccd` at a counter serving hundreds of people a day: one person per folder, setup problems said before the
// tap with the right exit code, the verdict first in a clerk's words, a queue of cards in --loop mode, keys kept
// out of the process list.
#include "pcscd_instance.hpp"
#include "test_data.hpp"
#include "vcard_instance.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <sys/wait.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

using cccd::test::testCscaPath;
using cccd::test::PcscdInstance;
using cccd::test::programPath;
using cccd::test::VcardInstance;
namespace fs = std::filesystem;

namespace {

// cccd with a private default trust folder (so the machine's own trust does not count).
std::string cccdCommand(const PcscdInstance& pcscd, const std::string& args)
{
    return "XDG_DATA_HOME=" + pcscd.workDir() + "/data " + programPath("cccd") + " " + args;
}

// A profile like the sample citizen's, with another ID number and chip options, in the test's folder.
std::string citizen(const PcscdInstance& pcscd, const std::string& id, const nlohmann::json& chip = nlohmann::json::object())
{
    nlohmann::json p = nlohmann::json::parse(std::ifstream(cccd::test::sampleProfile("nguyen-van-an.json")));
    p["document"]["id_number"] = id;
    for (const auto& [key, value] : chip.items()) p["chip"][key] = value;
    p["face_image"] = std::string(CCCD_SOURCE_DIR) + "/drivers/vcard/profiles/faces/sample-face.jpg";
    std::string path = pcscd.workDir() + "/" + id + ".json";
    std::ofstream(path) << p.dump();
    return path;
}

std::vector<std::string> lines(const std::string& path)
{
    std::vector<std::string> out;
    std::ifstream in(path);
    for (std::string line; std::getline(in, line);) {
        if (!line.empty()) out.push_back(line);
    }
    return out;
}

} // namespace

TEST_CASE("two people are never mixed in one folder: --out takes a new or empty folder, --force replaces a dump")
{
    PcscdInstance pcscd;
    std::string dir = pcscd.workDir() + "/dump";
    std::string out;
    {
        VcardInstance a(pcscd);
        REQUIRE(pcscd.run(cccdCommand(pcscd, "read --id 001090123456 --json --out " + dir + " --trust " + testCscaPath()), &out) == 0);
    }
    CHECK(cccd::test::fileMode(dir) == 0700);
    CHECK(cccd::test::fileMode(dir + "/DG13.bin") == 0600);
    CHECK(cccd::test::fileMode(dir + "/face.jpg") == 0600);
    CHECK(fs::exists(dir + "/DG15.bin"));

    // Card B has no DG15, and is read without the face: nothing of A may stay behind.
    VcardInstance b(pcscd, citizen(pcscd, "079201000123", {{"active_authentication", nullptr}}));
    CHECK(pcscd.run(cccdCommand(pcscd, "read --id 079201000123 --no-face --out " + dir), &out) == 2);
    CHECK_THAT(out, Catch::Contains("is not empty"));
    REQUIRE(pcscd.run(cccdCommand(pcscd, "read --id 079201000123 --no-face --json --force --out " + dir + " --trust " + testCscaPath()), &out) == 0);
    CHECK_FALSE(fs::exists(dir + "/DG15.bin"));
    CHECK_FALSE(fs::exists(dir + "/face.jpg"));
    std::string face = std::string(CCCD_SOURCE_DIR) + "/drivers/vcard/profiles/faces/sample-face.jpg";
    CHECK(pcscd.run(cccdCommand(pcscd, "face-match --dir " + dir + " --live " + face), &out) == 2); // no chip face: a usage error, not A's MATCH
    std::ifstream report(dir + "/report.json");
    CHECK(nlohmann::json::parse(report)["document"]["id_number"] == "079201000123");
}

TEST_CASE("setup problems are said before the tap with exit 2, and a stray file in the trust folder is only a warning")
{
    PcscdInstance pcscd; // no card: anything that reaches the reader would exit 3
    std::string garbage = pcscd.workDir() + "/garbage.pem";
    std::ofstream(garbage) << "not a certificate\n";
    std::string empty = pcscd.workDir() + "/empty.pem";
    std::ofstream(empty) << "";
    std::string file = pcscd.workDir() + "/a-file";
    std::ofstream(file) << "x";
    std::string out;
    for (const std::string& args : std::vector<std::string>{"--trust " + garbage, "--trust " + empty, "--trust /nonexistent/csca.pem", "--out " + file,
                                    "--out /proc/cccd-no-such-folder", "--wait -5", "--wait soon"}) {
        INFO(args);
        CHECK(pcscd.run(cccdCommand(pcscd, "read --id 001090123456 " + args), &out) == 2);
        CHECK_THAT(out, !Catch::Contains("internal error"));
    }
    CHECK(pcscd.run(cccdCommand(pcscd, "read --id 001090123456 --json --trust " + garbage + " 2>/dev/null"), &out) == 2);
    nlohmann::json error = nlohmann::json::parse(out)["error"];
    CHECK(error["code"] == "invalid_argument");
    CHECK(error["exit_code"] == 2);
    CHECK_THAT(error["message"].get<std::string>(), Catch::Contains("garbage.pem"));

    std::string trustFolder = pcscd.workDir() + "/data/cccd/trust";
    fs::create_directories(trustFolder);
    fs::copy_file(testCscaPath(), trustFolder + "/csca.pem");
    std::ofstream(trustFolder + "/README") << "CSCAs for the counter\n";
    fs::copy_file(std::string(CCCD_SOURCE_DIR) + "/drivers/vcard/pki/ds-key.pem", trustFolder + "/ds-key.pem");
    VcardInstance card(pcscd);
    REQUIRE(pcscd.run(cccdCommand(pcscd, "read --id 001090123456 --no-face"), &out) == 0);
    CHECK_THAT(out, Catch::StartsWith("cccd: warning: trust:") && Catch::Contains("README") && Catch::Contains("ds-key.pem"));
    CHECK_THAT(out, Catch::Contains("GENUINE CARD"));
}

TEST_CASE("errors keep to the exit-code table, and --json always answers on stdout")
{
    PcscdInstance pcscd;
    std::string out;
    std::string emptyDir = pcscd.workDir() + "/empty";
    fs::create_directories(emptyDir);
    CHECK(pcscd.run(cccdCommand(pcscd, "verify --dir " + emptyDir), &out) == 2);
    CHECK(pcscd.run(cccdCommand(pcscd, "verify --dir " + pcscd.workDir() + "/missing"), &out) == 2);
    CHECK(pcscd.run(cccdCommand(pcscd, "face-match --chip /nonexistent.jpg --live /nonexistent.jpg"), &out) == 2);
    std::string face = std::string(CCCD_SOURCE_DIR) + "/drivers/vcard/profiles/faces/sample-face.jpg";
    std::string empty = pcscd.workDir() + "/empty.jpg", text = pcscd.workDir() + "/text.jpg";
    std::ofstream(empty) << "";
    std::ofstream(text) << "not a picture\n";
    for (const std::string& chip : {empty, text}) {
        CHECK(pcscd.run(cccdCommand(pcscd, "face-match --chip " + chip + " --live " + face), &out) == 2);
        CHECK_THAT(out, !Catch::Contains("internal error") && !Catch::Contains("OpenCV"));
    }
    CHECK(pcscd.run(cccdCommand(pcscd, "scan-qr --json --live " + face + " 2>/dev/null"), &out) == 3); // no QR: like no card
    CHECK(nlohmann::json::parse(out)["error"]["code"] == "no_card");
    CHECK(pcscd.run(cccdCommand(pcscd, "read --id 001090123456 --json 2>/dev/null"), &out) == 3); // no card
    CHECK(nlohmann::json::parse(out)["error"]["code"] == "no_card");
    CHECK(pcscd.run(cccdCommand(pcscd, "read --json 2>/dev/null"), &out) == 2); // no key
    CHECK(nlohmann::json::parse(out)["error"]["exit_code"] == 2);
    VcardInstance card(pcscd);
    CHECK(pcscd.run(cccdCommand(pcscd, "read --can 000000 --json 2>/dev/null"), &out) == 4);
    CHECK(nlohmann::json::parse(out)["error"]["code"] == "access_denied");
}

TEST_CASE("the verdict comes first, in words a clerk acts on")
{
    PcscdInstance pcscd;
    std::string out;
    {
        VcardInstance card(pcscd);
        REQUIRE(pcscd.run(cccdCommand(pcscd, "read --id 001090123456 --no-face"), &out) == 0);
        CHECK_THAT(out, Catch::Contains("NO TRUSTED CSCA IS INSTALLED"));
        CHECK_THAT(out, Catch::Contains("COULD NOT BE VERIFIED: no trusted CSCA installed - run `cccd trust import`"));
        CHECK(out.find("COULD NOT BE VERIFIED") < out.find("Full name:"));
    }
    VcardInstance clone(pcscd, "", {"--fault", "clone"});
    CHECK(pcscd.run(cccdCommand(pcscd, "read --id 001090123456 --no-face --trust " + testCscaPath()), &out) == 6);
    std::size_t verdict = out.find("FORGED OR CLONED CARD: do not accept");
    REQUIRE(verdict != std::string::npos);
    CHECK(verdict < out.find("Full name:"));
}

TEST_CASE("the reader is found by a part of its name, and --wait takes forever")
{
    PcscdInstance pcscd;
    VcardInstance card(pcscd);
    std::string out;
    CHECK(pcscd.run(cccdCommand(pcscd, "read --id 001090123456 --no-face --json --reader 'pcd 00 00' --wait forever 2>/dev/null"), &out) == 0);
    CHECK(nlohmann::json::parse(out)["reader"] == "Virtual PCD 00 00");
    CHECK(pcscd.run(cccdCommand(pcscd, "read --id 001090123456 --reader virtual"), &out) == 3);
    CHECK_THAT(out, Catch::Contains("matches several readers"));
}

TEST_CASE("the key can come from stdin or the environment instead of the command line")
{
    PcscdInstance pcscd;
    VcardInstance card(pcscd);
    std::string out;
    CHECK(pcscd.run("echo 001090123456 | " + cccdCommand(pcscd, "read --id - --no-face --json 2>/dev/null"), &out) == 0);
    CHECK(nlohmann::json::parse(out)["document"]["id_number"] == "001090123456");
    CHECK(pcscd.run("CCCD_CAN=123456 " + cccdCommand(pcscd, "read --no-face --json 2>/dev/null"), &out) == 0);
    CHECK(nlohmann::json::parse(out)["access"]["key"] == "CAN");
}

TEST_CASE("a queue of cards in --loop mode: one JSON line per card, through a removal mid-read")
{
    PcscdInstance pcscd;
    std::string fifo = pcscd.workDir() + "/scanner", output = pcscd.workDir() + "/cards.jsonl";
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    // The test holds the FIFO open read-write first, so neither side blocks opening it; closing it is the end of input.
    int scanner = ::open(fifo.c_str(), O_RDWR | O_CLOEXEC);
    REQUIRE(scanner >= 0);
    std::string pid;
    REQUIRE(pcscd.run("(" + cccdCommand(pcscd, "read --loop --qr-from-stdin --no-face --json --trust " + testCscaPath()) + " > " + output + " 2>" +
                          pcscd.workDir() + "/loop.err < " + fifo + " & echo $!)",
                      &pid) == 0);
    const std::vector<std::string> ids{"001090000001", "001090000002", "001090000003", "001090000004", "001090000005", "001090000006"};
    for (std::size_t i = 0; i < ids.size(); ++i) {
        INFO("card " << i + 1);
        std::string line = (i == 1 ? ids[i].substr(6) : ids[i]) + "\n"; // the second card by its CAN
        REQUIRE(::write(scanner, line.data(), line.size()) == static_cast<ssize_t>(line.size()));
        std::vector<std::string> faults = i == 2 ? std::vector<std::string>{"--fault", "remove-after:8"} : std::vector<std::string>{};
        VcardInstance card(pcscd, citizen(pcscd, ids[i]), faults);
        for (int waited = 0; lines(output).size() < i + 1 && waited < 300; ++waited) std::this_thread::sleep_for(std::chrono::milliseconds(100));
        REQUIRE(lines(output).size() == i + 1);
    }
    ::close(scanner); // the scanner is unplugged: the loop ends
    // The loop is not this process's child: it is gone when /proc no longer lists it running (a zombie has ended).
    auto running = [](const std::string& pid) {
        std::ifstream stat("/proc/" + pid + "/stat");
        std::string skip, state;
        stat >> skip >> skip >> state;
        return stat && state != "Z";
    };
    pid.erase(pid.find_last_not_of(" \n") + 1);
    for (int waited = 0; running(pid) && waited < 100; ++waited) std::this_thread::sleep_for(std::chrono::milliseconds(100));
    CHECK_FALSE(running(pid));
    std::vector<std::string> cards = lines(output);
    REQUIRE(cards.size() == ids.size());
    for (std::size_t i = 0; i < ids.size(); ++i) {
        nlohmann::json card = nlohmann::json::parse(cards[i]);
        CHECK(card["sequence"] == i + 1);
        if (i == 2) {
            CHECK(card["error"]["code"] == "card_removed");
        } else {
            CHECK(card["document"]["id_number"] == ids[i]);
            CHECK(card["verification"]["overall"] == "VALID");
        }
    }
}

TEST_CASE("on a terminal, progress runs from the tap: stages, then an aligned bar per file")
{
    PcscdInstance pcscd;
    VcardInstance card(pcscd, "", {"--link", "424k"});
    std::string out;
    // `script` gives the command a terminal; its output comes back with CR LF line ends and bar redraws.
    REQUIRE(pcscd.run("script -qfec \"" + cccdCommand(pcscd, "read --id 001090123456 --trust " + testCscaPath()) + "\" /dev/null", &out) == 0);
    for (const char* stage : {"connecting to the card...", "opening the chip (PACE/BAC)...", "reading the holder's data...",
                              "checking the chip is genuine...", "reading the face...", "verifying the signature..."}) {
        CHECK_THAT(out, Catch::Contains(stage));
    }
    std::istringstream lines(out);
    int bars = 0;
    for (std::string line; std::getline(lines, line, '\r');) {
        std::size_t bar = line.find("  DG2 ");
        if (bar == std::string::npos) continue;
        ++bars;
        CHECK(line.compare(bar + 18, 1, "[") == 0); // the name column is 16 wide
    }
    CHECK(bars >= 3); // the face's bar moves while its one long exchange runs
    CHECK(out.find("reading the face...") < out.find("GENUINE CARD"));

    REQUIRE(pcscd.run(cccdCommand(pcscd, "read --id 001090123456 --json --trust " + testCscaPath() + " 2>&1 >/dev/null"), &out) == 0);
    CHECK(out.empty()); // not a terminal: nothing on stderr
}

TEST_CASE("verbose output traces the exchanges without personal data")
{
    PcscdInstance pcscd;
    VcardInstance card(pcscd);
    std::string out;
    REQUIRE(pcscd.run(cccdCommand(pcscd, "read --verbose --id 001090123456 --json --trust " + testCscaPath() + " 2>&1 >/dev/null"), &out) == 0);
    CHECK_THAT(out, Catch::Contains("pcsc: ") && Catch::Contains("READ BINARY") && Catch::Contains("SW 9000"));
    CHECK_THAT(out, Catch::Contains("PACE: GA4"));
    for (const char* secret : {"001090123456", "123456", "Nguy", "NGUYEN"}) CHECK_THAT(out, !Catch::Contains(secret));
}
