// JPEG decoding (libjpeg-turbo with the SDK's size checks) and the EXIF orientation tag: only cccd::Error may come out.
#include "cccd/error.hpp"
#include "face/decoders.hpp"
#include "face/exif_orientation.hpp"
#include "fuzz_target.hpp"
#include "image_seeds.hpp"

std::vector<std::vector<std::uint8_t>> cccd::fuzz::fuzzSeeds()
{
    return {encodedTestImage(".jpg", 24, 32), encodedTestImage(".jpg", 9, 7, true)};
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    try {
        (void)cccd::face::exifOrientation(cccd::ByteView(data, size)); // its own parser of the APP1 segment
        (void)cccd::face::decodeJpeg(cccd::ByteView(data, size));
    } catch (const cccd::Error&) {
    }
    return 0;
}
