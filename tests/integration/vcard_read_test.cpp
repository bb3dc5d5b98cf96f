// The whole stack: cccd (and an independent PC/SC client) -> pcscd -> vpcd -> cccd-vcard.
#include "crypto/crypto.hpp"
#include "mrz_encoder.hpp"
#include "pcscd_instance.hpp"
#include "profile.hpp"
#include "test_data.hpp"
#include "vcard_instance.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>

using namespace cccd;
using cccd::test::PcscdInstance;
using cccd::test::programPath;
using cccd::test::sampleProfile;
using cccd::test::VcardInstance;

namespace {
nlohmann::json readJson(const PcscdInstance& pcscd, const std::string& args, int expectedExit = 0)
{
    std::string out;
    int rc = pcscd.run(programPath("cccd") + " read " + args + " --json 2>/dev/null", &out);
    INFO(out);
    REQUIRE(rc == expectedExit);
    return nlohmann::json::parse(out);
}

nlohmann::json profileJson(const std::string& path)
{
    std::ifstream in(path);
    return nlohmann::json::parse(in);
}

// A copy of a sample profile with other chip options, in the test's folder.
std::string variant(const PcscdInstance& pcscd, const std::string& sample, const nlohmann::json& chip)
{
    nlohmann::json p = profileJson(sampleProfile(sample));
    p["face_image"] = std::string(CCCD_SOURCE_DIR) + "/drivers/vcard/profiles/faces/sample-face.jpg";
    for (auto& [k, v] : chip.items()) p["chip"][k] = v;
    std::string path = pcscd.workDir() + "/profile.json";
    std::ofstream(path) << p.dump();
    return path;
}

void requireDocumentEqualsProfile(const nlohmann::json& document, const std::string& profilePath)
{
    nlohmann::json expected = profileJson(profilePath)["document"];
    for (auto& [key, value] : expected.items()) {
        INFO(key);
        CHECK(document[key] == value);
    }
}
} // namespace

TEST_CASE("an independent PC/SC client sees the CCCD quirks: SELECT MF 6D00, EF.CardAccess, DG1 protected")
{
    PcscdInstance pcscd;
    VcardInstance card(pcscd);
    std::string out;
    REQUIRE(pcscd.run("opensc-tool -r 0 -s 00A4000C023F00 -s 00B09C0000 -s 00A4040C07A0000002471001 -s 00B0810000", &out) == 0);
    INFO(out);
    CHECK_THAT(out, Catch::Contains("Received (SW1=0x6D, SW2=0x00)"));
    CHECK_THAT(out, Catch::Contains("31 34 30 12 06 0A 04 00 7F 00 07 02 02 04 02 02")); // SET { PACEInfo ... }
    CHECK_THAT(out, Catch::Contains("Received (SW1=0x69, SW2=0x82)"));
}

TEST_CASE("every sample profile reads with PACE-CAN and the JSON equals the profile")
{
    PcscdInstance pcscd; // one per process: pcsc-lite reads PCSCLITE_CSOCK_NAME once
    for (const char* sample : {"nguyen-van-an.json", "tran-thi-bich-ngoc.json", "h-hen-nie.json"}) {
        INFO(sample);
        VcardInstance card(pcscd, sampleProfile(sample));
        std::string id = profileJson(sampleProfile(sample))["document"]["id_number"];
        nlohmann::json report = readJson(pcscd, "--id " + id);
        CHECK(report["access"]["protocol"] == "PACE");
        CHECK(report["access"]["key"] == "CAN");
        CHECK(report["access"]["secure_messaging"] == "AES-128");
        requireDocumentEqualsProfile(report["document"], sampleProfile(sample));
        CHECK(report["document"]["mrz"]["document_number"] == id.substr(3));
        CHECK(report["document"]["mrz"]["check_digits_valid"] == true);
        CHECK(report["face"]["format"] == "JPEG");
        CHECK(report["face"]["width"] == 360);
        CHECK(report["data_groups"].contains("DG13"));
        WARN(sample << ": " << report["apdu_count"] << " APDUs");
    }
}

TEST_CASE("BAC with --bac and with the card-face QR payload on a chip without PACE")
{
    PcscdInstance pcscd;
    VcardInstance card(pcscd, variant(pcscd, "nguyen-van-an.json", {{"pace", false}}));
    nlohmann::json bac = readJson(pcscd, "--bac 090123456,900101,300101");
    CHECK(bac["access"]["protocol"] == "BAC");
    CHECK(bac["access"]["secure_messaging"] == "3DES");
    requireDocumentEqualsProfile(bac["document"], sampleProfile("nguyen-van-an.json"));
    std::string qr = "001090123456|012345678|Nguyễn Văn An|01011990|Nam|x|15042021";
    nlohmann::json viaQr = readJson(pcscd, "--qr '" + qr + "'");
    CHECK(viaQr["access"]["protocol"] == "BAC");
    CHECK(viaQr["document"]["id_number"] == "001090123456");
}

TEST_CASE("BAC with the MRZ lines")
{
    PcscdInstance pcscd;
    VcardInstance card(pcscd, variant(pcscd, "tran-thi-bich-ngoc.json", {{"pace", false}}));
    std::string mrz = vcard::vietnameseTd1(vcard::loadProfile(sampleProfile("tran-thi-bich-ngoc.json")).document);
    nlohmann::json report = readJson(pcscd, "--mrz '" + mrz + "'");
    CHECK(report["access"]["protocol"] == "BAC");
    CHECK(report["document"]["full_name"] == "Trần Thị Bích Ngọc");
}

TEST_CASE("a wrong CAN exits 4 after one attempt, and the card still opens with the right one")
{
    PcscdInstance pcscd;
    VcardInstance card(pcscd);
    std::string out;
    CHECK(pcscd.run(programPath("cccd") + " read --can 000000", &out) == 4);
    CHECK_THAT(out, Catch::Contains("access denied: wrong CAN (PACE step GA4 mutual authentication)"));
    CHECK(readJson(pcscd, "--can 123456")["access"]["protocol"] == "PACE");
}

TEST_CASE("the dump folder holds the raw files, the face and the report")
{
    PcscdInstance pcscd;
    VcardInstance card(pcscd);
    std::string dir = pcscd.workDir() + "/dump";
    nlohmann::json report = readJson(pcscd, "--id 001090123456 --out " + dir);
    for (const char* f : {"CardAccess.bin", "COM.bin", "SOD.bin", "DG1.bin", "DG2.bin", "DG13.bin", "DG14.bin", "DG15.bin", "face.jpg", "report.json"}) {
        INFO(f);
        CHECK(std::filesystem::exists(dir + "/" + f));
    }
    for (auto& [dg, info] : report["data_groups"].items()) {
        Bytes content = test::readFile(dir + "/" + dg + ".bin");
        CHECK(content.size() == info["size"].get<std::size_t>());
        std::string digest = toHex(crypto::hash(crypto::HashAlgorithm::Sha256, content));
        for (char& c : digest) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        CHECK(digest == info["sha256"].get<std::string>());
    }
    CHECK(nlohmann::json::parse(std::ifstream(dir + "/report.json"))["document"] == report["document"]);
}

TEST_CASE("picky chips still read correctly: max Le, no extended length, an SW on large Le")
{
    PcscdInstance pcscd;
    for (const char* fault : {"max-le:224", "no-extended", "sw-on-large-le:6700", "sw-on-large-le:6282"}) {
        INFO(fault);
        VcardInstance card(pcscd, "", {"--fault", fault});
        nlohmann::json report = readJson(pcscd, "--id 001090123456");
        requireDocumentEqualsProfile(report["document"], sampleProfile("nguyen-van-an.json"));
        CHECK(report["data_groups"]["DG2"]["size"].get<int>() > 20000);
        WARN(fault << ": " << report["apdu_count"] << " APDUs");
    }
}

TEST_CASE("a card pulled mid-read exits 5 with a clear message")
{
    PcscdInstance pcscd;
    VcardInstance card(pcscd, "", {"--fault", "remove-after:12"});
    std::string out;
    int rc = pcscd.run(programPath("cccd") + " read --id 001090123456", &out);
    CHECK(rc == 5);
    CHECK_THAT(out, Catch::Contains("it was removed or moved"));
}
