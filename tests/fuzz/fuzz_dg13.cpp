// DG13 (Vietnam's personal data: names, dates, addresses, parents) and the document built from it.
#include "cccd/error.hpp"
#include "fuzz_target.hpp"
#include "lds/dg13_vn.hpp"
#include "vn/document_builder.hpp"

std::vector<std::vector<std::uint8_t>> cccd::fuzz::fuzzSeeds()
{
    return {cccd::fromHex("6D1E301C020101060528CE0A010131103006020101130131300602010D0C0141")};
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    try {
        (void)cccd::vn::buildDocument(std::nullopt, cccd::lds::parseDg13(cccd::ByteView(data, size)));
    } catch (const cccd::Error&) {
    }
    return 0;
}
