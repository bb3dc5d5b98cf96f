// Any image the SDK decodes by its first bytes (a chip's DG2, a frame a web page posts, a file): JPEG, JPEG 2000,
// PNG and what else OpenCV reads. Corrupt or oversized images are refused, never a crash.
#include "cccd/error.hpp"
#include "face/image_decoding.hpp"
#include "fuzz_target.hpp"
#include "image_seeds.hpp"

#include <opencv2/core.hpp>

std::vector<std::vector<std::uint8_t>> cccd::fuzz::fuzzSeeds()
{
    return {encodedTestImage(".jpg", 24, 32), encodedTestImage(".jp2", 16, 16), encodedTestImage(".png", 16, 12),
            encodedTestImage(".bmp", 8, 8)};
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    try {
        (void)cccd::face::decodeImageChecked(cccd::ByteView(data, size));
    } catch (const cccd::Error&) {
    } catch (const cv::Exception&) {
        // OpenCV's own decoders (BMP, TIFF ...) report malformed input this way
    }
    return 0;
}
