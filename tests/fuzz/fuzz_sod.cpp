// EF.SOD parsing (the 77 wrapper, CMS SignedData, LDSSecurityObject and its hashes): only cccd::Error may come out.
#include "cccd/error.hpp"
#include "fuzz_target.hpp"
#include "lds/sod.hpp"

std::vector<std::vector<std::uint8_t>> cccd::fuzz::fuzzSeeds()
{
    std::vector<std::vector<std::uint8_t>> seeds;
    for (const char* path : {"jmrtd-bsi2008/EF_SOD.bin", "jmrtd-misc/NZ2013_EF_SOD.BIN", "pymrtd-bsi-tr03105/EF_SOD.bin"}) {
        seeds.push_back(sharedFile(std::string("vectors/lds-samples/") + path));
    }
    return seeds;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    try {
        cccd::lds::SecurityObject sod = cccd::lds::parseSod(cccd::ByteView(data, size));
        (void)sod.matches(1, cccd::ByteView(data, size));
    } catch (const cccd::Error&) {
    }
    return 0;
}
