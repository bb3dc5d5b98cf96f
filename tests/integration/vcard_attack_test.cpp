// Chips that lie, hide files or carry files the SOD does not cover, read through the real pcscd: the verdict
// must never be VALID for them, and genuine variants (id-data content, no signingTime, an edited EF.COM that
// hides nothing) must stay VALID.
#include "pcscd_instance.hpp"
#include "test_data.hpp"
#include "vcard_instance.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <fstream>

using cccd::test::testCscaPath;
using cccd::test::PcscdInstance;
using cccd::test::programPath;
using cccd::test::VcardInstance;

namespace {

// `cccd read` of the card with the given faults, trusting the given CSCA; checks the exit code.
nlohmann::json readWith(const PcscdInstance& pcscd, const std::vector<std::string>& faults, int expectedExit, const std::string& extra = "",
                        const std::string& profile = "", const std::string& csca = testCscaPath())
{
    std::vector<std::string> args;
    for (const std::string& f : faults) args.insert(args.end(), {"--fault", f});
    VcardInstance card(pcscd, profile, args);
    std::string out;
    int rc = pcscd.run("XDG_DATA_HOME=" + pcscd.workDir() + "/data " + programPath("cccd") + " read --id 001090123456 --json --trust " + csca +
                           " " + extra + " 2>/dev/null",
                       &out);
    INFO(out);
    CHECK(rc == expectedExit);
    return nlohmann::json::parse(out);
}

std::string text(const nlohmann::json& v) { return v.is_string() ? v.get<std::string>() : v.dump(); }
} // namespace

TEST_CASE("a chip that withholds the anti-cloning keys its SOD lists is a copy: INVALID")
{
    PcscdInstance pcscd;
    for (const char* fault : {"withhold:DG14", "withhold:DG14:6982"}) {
        INFO(fault);
        nlohmann::json v = readWith(pcscd, {fault}, 6)["verification"];
        CHECK(v["overall"] == "INVALID");
        CHECK(v["chip_authentication"]["status"] == "FAILED");
        CHECK_THAT(text(v["chip_authentication"]["reason"]), Catch::Contains("treat it as a copy"));
        CHECK(v["passive_authentication"]["data_groups"]["DG14"] == "MISSING");
    }
    nlohmann::json v = readWith(pcscd, {"withhold:DG15:6982"}, 6)["verification"];
    CHECK(v["active_authentication"]["status"] == "FAILED");
    CHECK(v["chip_authentication"]["status"] == "PASSED"); // CA alone does not excuse a hidden DG15
    CHECK(v["overall"] == "INVALID");
}

TEST_CASE("EF.COM decides nothing: an edited or empty COM still reads every group the SOD lists")
{
    PcscdInstance pcscd;
    for (const std::vector<std::string>& faults : {std::vector<std::string>{"com-omit:DG14", "com-omit:DG15"}, std::vector<std::string>{"com-empty"}}) {
        INFO(faults.front());
        nlohmann::json r = readWith(pcscd, faults, 0);
        nlohmann::json v = r["verification"];
        CHECK(v["overall"] == "VALID");
        CHECK(v["chip_authentication"]["status"] == "PASSED");
        CHECK(v["active_authentication"]["status"] == "PASSED");
        CHECK_THAT(text(v["passive_authentication"]["notes"]), Catch::Contains("EF.COM does not list"));
        CHECK(r["face"]["format"] == "JPEG");
    }
}

TEST_CASE("data the SOD does not cover is never VALID")
{
    PcscdInstance pcscd;
    nlohmann::json invented = readWith(pcscd, {"unsigned:DG13"}, 6)["verification"];
    CHECK(invented["overall"] == "INVALID");
    CHECK(invented["passive_authentication"]["data_groups"]["DG13"] == "NOT_IN_SOD");
    CHECK_THAT(text(invented["passive_authentication"]["reason"]), Catch::Contains("DG13 is not covered"));

    nlohmann::json hidden = readWith(pcscd, {"withhold:DG13"}, 6)["verification"];
    CHECK(hidden["overall"] == "INVALID");
    CHECK_THAT(text(hidden["passive_authentication"]["reason"]), Catch::Contains("hides DG13"));

    // A clone that adds its own DG14 and CA key to a card whose SOD has no DG14: CA is not run on that key, and the
    // cloned AA key fails.
    nlohmann::json ownKey = readWith(pcscd, {"unsigned:DG14", "clone"}, 6)["verification"];
    CHECK(ownKey["chip_authentication"]["status"] == "NOT_SUPPORTED");
    CHECK(ownKey["active_authentication"]["status"] == "FAILED");
    CHECK(ownKey["overall"] == "INVALID");
    nlohmann::json unlisted = readWith(pcscd, {"unsigned:DG14"}, 0)["verification"];
    CHECK(unlisted["chip_authentication"]["status"] == "NOT_SUPPORTED");
    CHECK(unlisted["active_authentication"]["status"] == "PASSED"); // the DG15 key is vouched for: it proves the chip
    CHECK(unlisted["overall"] == "VALID");
}

TEST_CASE("a malformed EF.SOD is INVALID with the JSON report (exit 6), not a communication error")
{
    PcscdInstance pcscd;
    nlohmann::json r = readWith(pcscd, {"corrupt:SOD"}, 6);
    CHECK(r["verification"]["overall"] == "INVALID");
    CHECK_THAT(text(r["verification"]["passive_authentication"]["reason"]), Catch::StartsWith("EF.SOD does not parse"));
    CHECK(r["verification"]["chip_authentication"]["status"] == "NOT_CHECKED"); // no SOD vouches for the DG14 key
    CHECK(r["document"]["id_number"] == "001090123456");
}

TEST_CASE("a genuine SOD of another state cannot make a Vietnamese card VALID")
{
    PcscdInstance pcscd;
    std::string pki = pcscd.workDir() + "/pki-de";
    REQUIRE(pcscd.run(programPath("cccd-vcard") + " make-pki --country DE --out " + pki) == 0);
    nlohmann::json profile = nlohmann::json::parse(std::ifstream(cccd::test::sampleProfile("nguyen-van-an.json")));
    profile["pki"] = pki;
    profile["face_image"] = std::string(CCCD_SOURCE_DIR) + "/drivers/vcard/profiles/faces/sample-face.jpg";
    std::string path = pcscd.workDir() + "/de.json";
    std::ofstream(path) << profile.dump();
    nlohmann::json v = readWith(pcscd, {}, 6, "", path, pki + "/csca.pem")["verification"];
    CHECK(v["passive_authentication"]["status"] == "PASSED");
    CHECK(v["consistency"]["status"] == "FAILED");
    CHECK_THAT(text(v["consistency"]["reason"]), Catch::Contains("VNM") && Catch::Contains("DE"));
    CHECK(v["overall"] == "INVALID");
}

TEST_CASE("genuine variants stay VALID: id-data content type, no signingTime, and expiry is its own status")
{
    PcscdInstance pcscd;
    nlohmann::json idData = readWith(pcscd, {"sod-id-data"}, 0)["verification"];
    CHECK(idData["overall"] == "VALID");
    CHECK_THAT(text(idData["passive_authentication"]["notes"]), Catch::Contains("id-data"));

    nlohmann::json noTime = readWith(pcscd, {"no-signing-time"}, 0)["verification"];
    CHECK(noTime["overall"] == "VALID");
    CHECK(noTime["passive_authentication"]["signing_time"].is_null());
    CHECK_THAT(text(noTime["passive_authentication"]["notes"]), Catch::Contains("date of issue"));

    nlohmann::json later = readWith(pcscd, {}, 0, "--at 2099-01-01")["verification"];
    CHECK(later["overall"] == "VALID");
    CHECK(later["expiry"]["status"] == "EXPIRED");
    CHECK(later["expiry"]["checked_at"] == "2099-01-01");
    CHECK(later["expiry"]["document_signer"]["status"] == "EXPIRED");
    CHECK(later["passive_authentication"]["hash_algorithm"] == "SHA-256");
    CHECK(later["passive_authentication"]["signature_algorithm"] == "ecdsa-with-SHA256");
    CHECK(later["passive_authentication"]["lds_version"] == "0107");
}

TEST_CASE("offline verify of a folder holding only the SOD is never VALID and lists what is missing")
{
    PcscdInstance pcscd;
    {
        VcardInstance card(pcscd);
        REQUIRE(pcscd.run(programPath("cccd") + " read --id 001090123456 --out " + pcscd.workDir() + "/dump 2>/dev/null >/dev/null") == 0);
    }
    std::string only = pcscd.workDir() + "/only-sod";
    REQUIRE(pcscd.run("mkdir -p " + only + " && cp " + pcscd.workDir() + "/dump/SOD.bin " + only + "/") == 0);
    std::string out;
    CHECK(pcscd.run(programPath("cccd") + " verify --dir " + only + " --trust " + testCscaPath(), &out) == 0);
    CHECK_THAT(out, Catch::StartsWith("FILES CHECKED WITHOUT THE CARD"));
    CHECK_THAT(out, Catch::Contains("Verification:  UNVERIFIED"));
    CHECK_THAT(out, Catch::Contains("not in the folder, though the SOD lists them: DG1 DG13 DG14 DG15 DG2 DG3"));
    CHECK(pcscd.run(programPath("cccd") + " verify --dir " + only + " --json --trust " + testCscaPath(), &out) == 0);
    nlohmann::json v = nlohmann::json::parse(out)["verification"];
    CHECK(v["overall"] == "UNVERIFIED");
    CHECK(v["offline"] == true);
    CHECK(v["passive_authentication"]["data_groups"]["DG13"] == "NOT_READ");
    CHECK(pcscd.run(programPath("cccd") + " verify --dir " + only + " --at 2024-13-01", &out) == 2);
}

TEST_CASE("a chip that offers PACE-CAM has its EF.CardSecurity read and verified, live and offline")
{
    PcscdInstance pcscd;
    nlohmann::json profile = nlohmann::json::parse(std::ifstream(cccd::test::sampleProfile("nguyen-van-an.json")));
    profile["chip"]["card_security"] = true;
    profile["face_image"] = std::string(CCCD_SOURCE_DIR) + "/drivers/vcard/profiles/faces/sample-face.jpg";
    std::string path = pcscd.workDir() + "/cam.json";
    std::ofstream(path) << profile.dump();
    std::string dump = pcscd.workDir() + "/dump";
    nlohmann::json v = readWith(pcscd, {}, 0, "--out " + dump, path)["verification"];
    CHECK(v["card_security"]["status"] == "PASSED");
    CHECK(v["overall"] == "VALID");
    std::string out;
    CHECK(pcscd.run(programPath("cccd") + " verify --json --dir " + dump + " --trust " + testCscaPath(), &out) == 0);
    CHECK(nlohmann::json::parse(out)["verification"]["card_security"]["status"] == "PASSED");
    REQUIRE(pcscd.run("printf 'X' | dd of=" + dump + "/CardSecurity.bin bs=1 seek=30 conv=notrunc 2>/dev/null") == 0);
    CHECK(pcscd.run(programPath("cccd") + " verify --json --dir " + dump + " --trust " + testCscaPath(), &out) == 6);
    CHECK(nlohmann::json::parse(out)["verification"]["card_security"]["status"] == "FAILED");
}
