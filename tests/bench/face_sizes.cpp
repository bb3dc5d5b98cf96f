#include "face_sizes.hpp"

#include "cccd/error.hpp"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <cstdlib>
#include <vector>

namespace cccd::bench {

namespace {
Bytes encode(const cv::Mat& image, int quality)
{
    std::vector<std::uint8_t> out;
    cv::imencode(".jpg", image, out, {cv::IMWRITE_JPEG_QUALITY, quality});
    return out;
}
} // namespace

Bytes jpegOfSize(const Bytes& source, std::size_t targetBytes)
{
    cv::Mat original = cv::imdecode(source, cv::IMREAD_COLOR);
    if (original.empty()) throw Error(ErrorKind::InvalidArgument, "the source face is not an image");
    const double tolerance = 0.05 * static_cast<double>(targetBytes);
    for (double scale : {0.5, 0.75, 1.0, 1.25, 1.5, 2.0, 2.5, 3.0}) {
        cv::Mat image;
        cv::resize(original, image, {}, scale, scale, scale < 1 ? cv::INTER_AREA : cv::INTER_CUBIC);
        int low = 10, high = 100; // size grows with quality: bisect for the target
        while (low <= high) {
            int quality = (low + high) / 2;
            Bytes jpeg = encode(image, quality);
            if (std::abs(static_cast<double>(jpeg.size()) - static_cast<double>(targetBytes)) <= tolerance) return jpeg;
            if (jpeg.size() < targetBytes) low = quality + 1;
            else high = quality - 1;
        }
    }
    throw Error(ErrorKind::InvalidArgument, "no scale and JPEG quality give a face of " + std::to_string(targetBytes) + " bytes");
}

} // namespace cccd::bench
