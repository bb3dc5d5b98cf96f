// EF.CardAccess samples from real documents and the worked examples.
#include "cccd/error.hpp"
#include "icao/pace_protocol.hpp"
#include "lds/security_infos.hpp"
#include "test_data.hpp"

#include <catch2/catch.hpp>

using namespace cccd;
using namespace cccd::lds;

namespace {
SecurityInfos load(const std::string& name) { return parseCardAccess(test::readData("vectors/lds-samples/ef-cardaccess/" + name)); }
} // namespace

TEST_CASE("ICAO G.1 and G.2 EF.CardAccess")
{
    SecurityInfos g1 = load("icao9303_G1_ecdh_gm_brainpoolP256r1.bin");
    REQUIRE(g1.pace.size() == 1);
    CHECK(g1.pace[0].protocol == "0.4.0.127.0.7.2.2.4.2.2");
    CHECK(g1.pace[0].version == 2);
    CHECK(g1.pace[0].parameterId == std::optional<std::uint64_t>(13));
    SecurityInfos g2 = load("icao9303_G2_dh_gm_1024_160.bin");
    CHECK(g2.pace[0].protocol == "0.4.0.127.0.7.2.2.4.1.2");
    CHECK(g2.pace[0].parameterId == std::optional<std::uint64_t>(0));
}

TEST_CASE("real documents: GM and CAM, 3DES, two infos")
{
    SecurityInfos de = load("gmrtd_DE_passport_gm_and_cam.bin");
    REQUIRE(de.pace.size() == 2);
    CHECK(icao::choosePaceInfo(de.pace)->protocol == "0.4.0.127.0.7.2.2.4.2.2");
    SecurityInfos nz = load("gmrtd_NZ_passport_gm_3des.bin");
    REQUIRE(nz.pace.size() == 1);
    CHECK(nz.pace[0].protocol == "0.4.0.127.0.7.2.2.4.2.1");
    CHECK(icao::paceAlgorithmFor(nz.pace[0].protocol)->cipher == crypto::Cipher::Tdes);
    SecurityInfos two = load("gmrtd_pace_test_cam_brainpoolP384r1_two_infos.bin");
    REQUIRE(two.pace.size() == 2);
    CHECK(two.pace[0].parameterId == std::optional<std::uint64_t>(16));
    CHECK(icao::choosePaceInfo(two.pace)->protocol == "0.4.0.127.0.7.2.2.4.2.4");
}

TEST_CASE("German eID files: TA, CA, domain parameters, trailing garbage, PACE v1")
{
    SecurityInfos bsi = load("openpace_bsi_eac_worked_example_ecdh.bin");
    CHECK_FALSE(bsi.terminalAuthentication.empty());
    CHECK_FALSE(bsi.chipAuthentication.empty());
    CHECK_FALSE(bsi.pace.empty());
    SecurityInfos fresh = load("openpace_de_npa_new_testcard.bin"); // 38 bytes of garbage after the SET
    CHECK_FALSE(fresh.pace.empty());
    SecurityInfos old = load("openpace_de_npa_old_testcard.bin");
    REQUIRE_FALSE(old.pace.empty());
    CHECK(old.pace[0].version == 1);
    CHECK_FALSE(old.paceDomainParameters.empty());
    CHECK_FALSE(icao::choosePaceInfo(old.pace).has_value()); // v1 with proprietary parameters: not supported
    SecurityInfos dan = load("openpace_dan.bin");
    CHECK_FALSE(dan.chipAuthentication.empty());
    SecurityInfos slovenia = load("openpace_slovenia.bin");
    CHECK_FALSE(slovenia.chipAuthentication.empty());
    CHECK_FALSE(slovenia.unknown.empty()); // a vendor OID is kept raw
    CHECK_FALSE(load("openpace_ca3.bin").pace.empty());
}

TEST_CASE("every truncation and every single-byte change of a real file gives a ParseError or a value")
{
    Bytes file = test::readData("vectors/lds-samples/ef-cardaccess/openpace_bsi_eac_worked_example_ecdh.bin");
    for (std::size_t n = 0; n < file.size(); ++n) {
        Bytes cut(file.begin(), file.begin() + static_cast<long>(n));
        try {
            parseCardAccess(cut);
        } catch (const Error&) {
        }
    }
    for (std::size_t i = 0; i < file.size(); ++i) {
        for (std::uint8_t flip : {0x01, 0x80, 0xFF}) {
            Bytes changed = file;
            changed[i] ^= flip;
            try {
                parseCardAccess(changed);
            } catch (const Error&) {
            }
        }
    }
    CHECK_THROWS_AS(parseCardAccess(fromHex("3003020101")), ParseError); // a SET of a non-SEQUENCE
}
