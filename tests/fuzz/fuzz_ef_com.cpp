// EF.COM (versions and the list of data groups): only cccd::Error may come out.
#include "cccd/error.hpp"
#include "fuzz_target.hpp"
#include "lds/ef_com.hpp"

std::vector<std::vector<std::uint8_t>> cccd::fuzz::fuzzSeeds()
{
    return {sharedFile("vectors/lds-samples/jmrtd-bsi2008/EF_COM.bin")};
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    try {
        (void)cccd::lds::parseEfCom(cccd::ByteView(data, size));
    } catch (const cccd::Error&) {
    }
    return 0;
}
