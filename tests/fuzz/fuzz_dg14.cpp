// DG14 (SecurityInfos with the chip's Chip Authentication key): parsing, then the key as chip authentication would
// use it. Only cccd::Error may come out.
#include "cccd/error.hpp"
#include "core/tlv.hpp"
#include "fuzz_target.hpp"
#include "icao/chip_authentication_key.hpp"
#include "lds/security_infos.hpp"

std::vector<std::vector<std::uint8_t>> cccd::fuzz::fuzzSeeds()
{
    return {sharedFile("vectors/lds-samples/jmrtd-bsi2008/Datagroup14.bin"), sharedFile("vectors/lds-samples/pymrtd-bsi-tr03105/DG14.bin"),
            sharedFile("vectors/lds-samples/jmrtd-misc/spec_sample_encoded_dg14.bin")};
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    try {
        cccd::Tlv file = cccd::parseTlv(cccd::ByteView(data, size), "DG14");
        cccd::lds::SecurityInfos infos = cccd::lds::parseSecurityInfos(file.value, "DG14");
        for (const auto& info : infos.chipAuthenticationPublicKeys) {
            cccd::crypto::PKey key = cccd::icao::decodePublicKey(info.subjectPublicKey);
            if (key) (void)cccd::icao::staticKeyOf(key.get());
        }
        for (const auto& info : infos.chipAuthentication) (void)cccd::icao::chipAuthenticationCipher(info.protocol);
    } catch (const cccd::Error&) {
    }
    return 0;
}
