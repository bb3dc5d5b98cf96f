// DG1 (the MRZ in its TLV) and the document built from it: only cccd::Error may come out.
#include "cccd/error.hpp"
#include "fuzz_target.hpp"
#include "lds/dg1.hpp"
#include "vn/document_builder.hpp"

std::vector<std::vector<std::uint8_t>> cccd::fuzz::fuzzSeeds()
{
    return {sharedFile("vectors/lds-samples/jmrtd-bsi2008/Datagroup1.bin"), sharedFile("vectors/lds-samples/jmrtd-loes2006/ef0101.bin")};
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    try {
        (void)cccd::vn::buildDocument(cccd::lds::parseDg1(cccd::ByteView(data, size)), std::nullopt);
    } catch (const cccd::Error&) {
    }
    return 0;
}
