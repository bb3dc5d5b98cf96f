#include "image_seeds.hpp"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

namespace cccd::fuzz {

std::vector<std::uint8_t> encodedTestImage(const std::string& extension, int width, int height, bool grey)
{
    cv::Mat image(height, width, CV_8UC3);
    for (int y = 0; y < height; ++y) {
        for (int x = 0; x < width; ++x) image.at<cv::Vec3b>(y, x) = cv::Vec3b(static_cast<std::uint8_t>(4 * x), static_cast<std::uint8_t>(4 * y), 128);
    }
    cv::circle(image, {width / 2, height / 2}, width / 4, {20, 200, 40}, -1);
    if (grey) cv::cvtColor(image, image, cv::COLOR_BGR2GRAY);
    std::vector<std::uint8_t> out;
    try {
        cv::imencode(extension, image, out);
    } catch (const cv::Exception&) {
        out.clear();
    }
    return out;
}

} // namespace cccd::fuzz
