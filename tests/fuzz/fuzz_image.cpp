// The chip's face image (DG2) is attacker-controlled: JPEG and JPEG 2000 decoding must reject, never crash.
#include "cccd/error.hpp"
#include "face/image_decoding.hpp"
#include "fuzz_target.hpp"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

std::vector<std::vector<std::uint8_t>> cccd::fuzz::fuzzSeeds()
{
    std::vector<std::uint8_t> jpeg = sharedFile("faces/lfw-dev/Al_Gore/Al_Gore_0001.jpg");
    std::vector<std::uint8_t> jp2;
    cv::Mat image = cv::imdecode(jpeg, cv::IMREAD_COLOR);
    if (!image.empty()) {
        cv::Mat small;
        cv::resize(image, small, cv::Size(64, 64));
        cv::imencode(".jp2", small, jp2);
    }
    return {jpeg, jp2};
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    try {
        (void)cccd::face::decodeImage(cccd::ByteView(data, size));
    } catch (const cccd::Error&) {
    } catch (const cv::Exception&) {
        // OpenCV's own decoders (PNG, BMP ...) report malformed input this way
    }
    return 0;
}
