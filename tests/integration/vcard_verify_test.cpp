// Verification end to end: the virtual card's faults give the right statuses and exit codes.
#include "pcscd_instance.hpp"
#include "test_data.hpp"
#include "vcard_instance.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <fstream>

using cccd::test::PcscdInstance;
using cccd::test::programPath;
using cccd::test::VcardInstance;

namespace {
const std::string testCsca = std::string(CCCD_SOURCE_DIR) + "/drivers/vcard/pki/csca.pem";

nlohmann::json read(const PcscdInstance& pcscd, const std::string& args, int expectedExit)
{
    std::string out;
    int rc = pcscd.run("XDG_DATA_HOME=" + pcscd.workDir() + "/data " + programPath("cccd") + " read --id 001090123456 --json " + args +
                           " 2>/dev/null",
                       &out);
    INFO(out);
    CHECK(rc == expectedExit);
    return nlohmann::json::parse(out);
}
} // namespace

TEST_CASE("a clean card is VALID with the test CSCA and UNVERIFIED without it")
{
    PcscdInstance pcscd;
    VcardInstance card(pcscd);
    nlohmann::json v = read(pcscd, "--trust " + testCsca, 0)["verification"];
    CHECK(v["overall"] == "VALID");
    CHECK(v["passive_authentication"]["status"] == "PASSED");
    CHECK(v["passive_authentication"]["data_groups"]["DG2"] == "PASSED");
    CHECK(v["passive_authentication"]["csca"].get<std::string>().find("CSCA CCCD SDK TEST") != std::string::npos);
    CHECK(v["chip_authentication"]["status"] == "PASSED");
    CHECK(v["active_authentication"]["status"] == "PASSED");

    nlohmann::json untrusted = read(pcscd, "", 0)["verification"];
    CHECK(untrusted["overall"] == "UNVERIFIED");
    CHECK(untrusted["passive_authentication"]["status"] == "FAILED");
    CHECK(untrusted["passive_authentication"]["reason"].get<std::string>().rfind("unknown CSCA", 0) == 0);
    CHECK(untrusted["passive_authentication"]["csca"].is_null());
}

TEST_CASE("faults give the right status, reason and exit code")
{
    PcscdInstance pcscd;
    struct Case {
        const char* fault;
        const char* overall;
        int exit;
        const char* check;
        const char* reason;
    };
    for (const Case& c : {Case{"tamper:DG13", "INVALID", 6, "passive_authentication", "DG13"},
                          Case{"bad-signature", "INVALID", 6, "passive_authentication", "signature"},
                          Case{"clone", "INVALID", 6, "chip_authentication", "clone"},
                          Case{"unknown-csca", "UNVERIFIED", 0, "passive_authentication", "unknown CSCA"},
                          Case{"expired-signer", "INVALID", 6, "passive_authentication", "not valid when the SOD was signed"}}) {
        INFO(c.fault);
        VcardInstance card(pcscd, "", {"--fault", c.fault});
        nlohmann::json v = read(pcscd, "--trust " + testCsca, c.exit)["verification"];
        CHECK(v["overall"] == c.overall);
        CHECK(v[c.check]["status"] == "FAILED");
        CHECK(v[c.check]["reason"].get<std::string>().find(c.reason) != std::string::npos);
    }
}

TEST_CASE("offline: verify --dir re-checks a dump and trust import fills the default location")
{
    PcscdInstance pcscd;
    VcardInstance card(pcscd);
    std::string dump = pcscd.workDir() + "/dump";
    read(pcscd, "--out " + dump, 0);
    std::string env = "XDG_DATA_HOME=" + pcscd.workDir() + "/data ";
    std::string out;
    REQUIRE(pcscd.run(env + programPath("cccd") + " verify --dir " + dump + " --json", &out) == 0);
    CHECK(nlohmann::json::parse(out)["verification"]["passive_authentication"]["reason"].get<std::string>().rfind("unknown CSCA", 0) == 0);
    REQUIRE(pcscd.run(env + programPath("cccd") + " trust import " + testCsca, &out) == 0);
    CHECK_THAT(out, Catch::Contains("imported 1 CSCA certificates from 1 countries"));
    REQUIRE(pcscd.run(env + programPath("cccd") + " verify --dir " + dump + " --json", &out) == 0);
    nlohmann::json v = nlohmann::json::parse(out)["verification"];
    CHECK(v["passive_authentication"]["status"] == "PASSED");
    CHECK(v["chip_authentication"]["status"] == "NOT_CHECKED");
    CHECK(v["overall"] == "UNVERIFIED"); // the chip itself can only be proven live

    // An altered dump is INVALID offline too.
    std::string dg1 = dump + "/DG1.bin";
    REQUIRE(pcscd.run("printf 'X' | dd of=" + dg1 + " bs=1 seek=20 conv=notrunc 2>/dev/null", nullptr) == 0);
    CHECK(pcscd.run(env + programPath("cccd") + " verify --dir " + dump, &out) == 6);
    CHECK_THAT(out, Catch::Contains("DG1: FAILED"));
    CHECK(pcscd.run(env + programPath("cccd") + " trust import /nonexistent.pem", &out) != 0);
}

TEST_CASE("RSA Active Authentication (ISO/IEC 9796-2 scheme 1) passes, and a cloned chip fails it")
{
    PcscdInstance pcscd;
    nlohmann::json profile = nlohmann::json::parse(std::ifstream(cccd::test::sampleProfile("tran-thi-bich-ngoc.json")));
    profile["chip"]["active_authentication"] = "rsa-2048";
    profile["chip"]["chip_authentication"] = false; // AA alone must prove the chip
    profile["face_image"] = std::string(CCCD_SOURCE_DIR) + "/drivers/vcard/profiles/faces/sample-face.jpg";
    std::string path = pcscd.workDir() + "/rsa.json";
    std::ofstream(path) << profile.dump();
    std::string id = profile["document"]["id_number"];
    {
        VcardInstance card(pcscd, path);
        std::string out;
        REQUIRE(pcscd.run(programPath("cccd") + " read --json --id " + id + " --trust " + testCsca + " 2>/dev/null", &out) == 0);
        nlohmann::json v = nlohmann::json::parse(out)["verification"];
        CHECK(v["active_authentication"]["status"] == "PASSED");
        CHECK(v["chip_authentication"]["status"] == "NOT_SUPPORTED");
        CHECK(v["overall"] == "VALID");
    }
    VcardInstance clone(pcscd, path, {"--fault", "clone"});
    std::string out;
    CHECK(pcscd.run(programPath("cccd") + " read --json --id " + id + " --trust " + testCsca + " 2>/dev/null", &out) == 6);
    CHECK(nlohmann::json::parse(out)["verification"]["active_authentication"]["status"] == "FAILED");
}

TEST_CASE("a data group that does not parse is reported, and nothing is lost")
{
    PcscdInstance pcscd;
    VcardInstance card(pcscd, "", {"--fault", "corrupt:DG13"});
    std::string dump = pcscd.workDir() + "/dump";
    std::string out;
    int rc = pcscd.run("XDG_DATA_HOME=" + pcscd.workDir() + "/data " + programPath("cccd") + " read --id 001090123456 --json --out " + dump +
                           " --trust " + testCsca,
                       &out);
    CHECK(rc == 6); // the SOD no longer matches DG13: INVALID
    CHECK_THAT(out, Catch::Contains("cccd: DG13 does not parse")); // said on stderr too
    nlohmann::json report = nlohmann::json::parse(out.substr(0, out.rfind('}') + 1));
    REQUIRE(report["problems"].size() == 1);
    CHECK(report["problems"][0].get<std::string>().rfind("DG13 does not parse", 0) == 0);
    CHECK(report["verification"]["passive_authentication"]["data_groups"]["DG13"] == "FAILED");
    CHECK(report["document"]["mrz"]["document_number"] == "090123456"); // DG1 still decoded
    CHECK(report["face"]["format"] == "JPEG");                          // the face still read
    std::ifstream dg13(dump + "/DG13.bin");
    CHECK(dg13.good()); // the raw file is kept for inspection
}

TEST_CASE("trust import says whose master list it is and refuses a Document Signer as an anchor")
{
    PcscdInstance pcscd;
    std::string env = "XDG_DATA_HOME=" + pcscd.workDir() + "/data ";
    std::string out;
    REQUIRE(pcscd.run(env + programPath("cccd") + " trust import " + cccd::test::requireData("vectors/pki/NL_ML_2026-07-22.ml") + " 2>&1", &out) == 0);
    CHECK_THAT(out, Catch::Contains("master list") && Catch::Contains("411 CSCA certificates"));
    CHECK_THAT(out, Catch::Contains("signed by") && Catch::Contains("Masterlist Signer NL"));
    CHECK_THAT(out, Catch::Contains("signer SHA-256 "));
    std::string ds = std::string(CCCD_SOURCE_DIR) + "/drivers/vcard/pki/ds.pem";
    CHECK(pcscd.run(env + programPath("cccd") + " trust import " + ds + " 2>&1", &out) != 0);
    CHECK_THAT(out, Catch::Contains("not a CA certificate"));
}
