// EF.CardAccess (SecurityInfos read before any access control): only cccd::Error may come out.
#include "cccd/error.hpp"
#include "fuzz_target.hpp"
#include "icao/pace.hpp"
#include "icao/pace_protocol.hpp"
#include "lds/security_infos.hpp"

std::vector<std::vector<std::uint8_t>> cccd::fuzz::fuzzSeeds()
{
    std::vector<std::vector<std::uint8_t>> seeds;
    for (const char* name : {"icao9303_G1_ecdh_gm_brainpoolP256r1.bin", "openpace_bsi_eac_worked_example_ecdh.bin",
                             "openpace_de_npa_old_testcard.bin", "openpace_slovenia.bin", "gmrtd_DE_passport_gm_and_cam.bin"}) {
        seeds.push_back(sharedFile(std::string("vectors/lds-samples/ef-cardaccess/") + name));
    }
    return seeds;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    try {
        cccd::lds::SecurityInfos infos = cccd::lds::parseCardAccess(cccd::ByteView(data, size));
        (void)cccd::lds::announcesCardSecurity(infos);
        if (auto chosen = cccd::icao::choosePaceInfo(infos.pace)) (void)cccd::icao::paceMseSetAt(*chosen, cccd::icao::PacePassword::Can);
    } catch (const cccd::Error&) {
    }
    return 0;
}
