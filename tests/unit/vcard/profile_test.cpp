// The virtual card's profile: a chip option of the wrong type is an error naming it, not an uncaught
// nlohmann type_error (found by the fuzz_vcard_profile target; seed corpus/vcard_profile/chip-option-of-wrong-type.json).
#include "cccd/error.hpp"
#include "profile.hpp"

#include <catch2/catch.hpp>

#include <unistd.h>

#include <cstdio>
#include <fstream>

namespace {
std::string profileWithChip(const std::string& chip)
{
    std::string path = "/tmp/cccd-profile-test-" + std::to_string(getpid()) + ".json";
    std::ofstream(path) << R"({"document": {"id_number": "001090123456", "full_name": "A", "date_of_birth": "1990-01-01",
        "date_of_issue": "2021-01-01"}, "face_image": "face.jpg", "chip": )"
                        << chip << "}";
    return path;
}
} // namespace

TEST_CASE("vcard profile: chip options are type-checked")
{
    std::string good = profileWithChip(R"({"pace": false, "active_authentication": null, "max_le": 256})");
    cccd::vcard::Profile p = cccd::vcard::loadProfile(good);
    CHECK_FALSE(p.chip.pace);
    CHECK_FALSE(p.chip.activeAuthentication);
    CHECK(p.chip.maxLe == 256);
    std::remove(good.c_str());
    for (const char* chip : {R"({"pace": "yes"})", R"({"active_authentication": true})", R"({"max_le": -1})", R"({"chip_authentication_key": 3})"}) {
        std::string bad = profileWithChip(chip);
        CHECK_THROWS_AS(cccd::vcard::loadProfile(bad), cccd::Error);
        std::remove(bad.c_str());
    }
}
