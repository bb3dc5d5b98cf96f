// DG15 (the Active Authentication public key) and the chip's INTERNAL AUTHENTICATE answer checked against it.
// Input: pieces (input_pieces.hpp) [DG15 file, DG14 file, the chip's answer ...]. Only cccd::Error may come out.
#include "cccd/error.hpp"
#include "core/tlv.hpp"
#include "fixed_random.hpp"
#include "hostile_chip_channel.hpp"
#include "fuzz_target.hpp"
#include "icao/chip_authentication.hpp"
#include "lds/security_infos.hpp"

std::vector<std::vector<std::uint8_t>> cccd::fuzz::fuzzSeeds()
{
    std::vector<std::vector<std::uint8_t>> seeds;
    for (const char* path : {"jmrtd-bsi2008/Datagroup15.bin", "pymrtd-bsi-tr03105/DG15.bin", "jmrtd-loes2006/ef010F.bin"}) {
        Bytes dg15 = sharedFile(std::string("vectors/lds-samples/") + path);
        seeds.push_back(joinPieces({dg15, {}, Bytes(128, 0x42), Bytes{0x90, 0x00}}));
    }
    return seeds;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    cccd::fuzz::FuzzInput input(data, size);
    cccd::Bytes dg15 = input.piece();
    cccd::Bytes dg14 = input.piece();
    try {
        std::optional<cccd::lds::SecurityInfos> infos;
        if (!dg14.empty()) infos = cccd::lds::parseSecurityInfos(cccd::parseTlv(dg14, "DG14").value, "DG14");
        cccd::fuzz::FuzzChannel chip(input);
        cccd::fuzz::FixedRandom random;
        (void)cccd::icao::performActiveAuthentication(chip, cccd::parseTlv(dg15, "DG15").value, infos, random);
    } catch (const cccd::Error&) {
    }
    return 0;
}
