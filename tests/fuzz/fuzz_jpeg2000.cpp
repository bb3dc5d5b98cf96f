// JPEG 2000 decoding (OpenJPEG, JP2 boxes or a bare codestream, with the SDK's size checks): only cccd::Error
// may come out.
#include "cccd/error.hpp"
#include "face/decoders.hpp"
#include "fuzz_target.hpp"
#include "image_seeds.hpp"

std::vector<std::vector<std::uint8_t>> cccd::fuzz::fuzzSeeds()
{
    return {encodedTestImage(".jp2", 16, 16), encodedTestImage(".jp2", 8, 12, true)};
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    try {
        (void)cccd::face::decodeJpeg2000(cccd::ByteView(data, size));
    } catch (const cccd::Error&) {
    }
    return 0;
}
