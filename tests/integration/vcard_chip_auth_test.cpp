// Chip Authentication with a DH key end to end: cccd -> pcscd -> vpcd -> cccd-vcard personalized with "dh-2048".
#include "pcscd_instance.hpp"
#include "vcard_instance.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <fstream>

using cccd::test::PcscdInstance;
using cccd::test::programPath;
using cccd::test::VcardInstance;

namespace {
const std::string testCsca = std::string(CCCD_SOURCE_DIR) + "/drivers/vcard/pki/csca.pem";

// A copy of the first sample profile whose chip holds a DH Chip Authentication key.
std::string dhProfile(const PcscdInstance& pcscd)
{
    nlohmann::json profile = nlohmann::json::parse(std::ifstream(cccd::test::sampleProfile("nguyen-van-an.json")));
    profile["chip"]["chip_authentication_key"] = "dh-2048";
    profile["face_image"] = std::string(CCCD_SOURCE_DIR) + "/drivers/vcard/profiles/faces/sample-face.jpg";
    std::string path = pcscd.workDir() + "/dh.json";
    std::ofstream(path) << profile.dump();
    return path;
}

nlohmann::json verification(const PcscdInstance& pcscd, int expectedExit)
{
    std::string out;
    int rc = pcscd.run("XDG_DATA_HOME=" + pcscd.workDir() + "/data " + programPath("cccd") + " read --json --id 001090123456 --trust " +
                           testCsca + " 2>/dev/null",
                       &out);
    INFO(out);
    CHECK(rc == expectedExit);
    return nlohmann::json::parse(out)["verification"];
}
} // namespace

TEST_CASE("a chip with a DH chip authentication key (RFC 5114 2048/256, AES) passes CA through pcscd, and its clone fails")
{
    PcscdInstance pcscd;
    std::string profile = dhProfile(pcscd);
    {
        VcardInstance card(pcscd, profile);
        nlohmann::json v = verification(pcscd, 0);
        INFO(v.dump());
        CHECK(v["chip_authentication"]["status"] == "PASSED");
        CHECK(v["passive_authentication"]["data_groups"]["DG14"] == "PASSED");
        CHECK(v["overall"] == "VALID");
    }
    VcardInstance clone(pcscd, profile, {"--fault", "clone"});
    nlohmann::json v = verification(pcscd, 6);
    INFO(v.dump());
    CHECK(v["chip_authentication"]["status"] == "FAILED");
    CHECK(v["overall"] == "INVALID");
}
