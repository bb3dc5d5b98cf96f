#include "face/qr_reader.hpp"

#include "face/live_source.hpp"

#include <opencv2/imgproc.hpp>
#include <zbar.h>

#include <cmath>

namespace cccd::face {

std::optional<std::string> readQrCode(const cv::Mat& bgr)
{
    zbar::ImageScanner scanner;
    scanner.set_config(zbar::ZBAR_NONE, zbar::ZBAR_CFG_ENABLE, 0);
    scanner.set_config(zbar::ZBAR_QRCODE, zbar::ZBAR_CFG_ENABLE, 1);
    cv::Mat grey;
    cv::cvtColor(bgr, grey, cv::COLOR_BGR2GRAY);
    // A card fills a photo: past a few megapixels a QR's modules are wide, and full-size scans only cost seconds.
    constexpr double maxScanPixels = 4'000'000;
    if (grey.total() > maxScanPixels) {
        double scale = std::sqrt(maxScanPixels / static_cast<double>(grey.total()));
        cv::resize(grey, grey, cv::Size(), scale, scale, cv::INTER_AREA);
    }
    std::vector<cv::Mat> attempts{grey};
    cv::Mat sharpened, blurred;
    cv::GaussianBlur(grey, blurred, cv::Size(0, 0), 2.0);
    cv::addWeighted(grey, 1.8, blurred, -0.8, 0, sharpened); // unsharp mask against camera blur
    attempts.push_back(sharpened);
    cv::Mat larger;
    cv::resize(sharpened, larger, cv::Size(), 2.0, 2.0, cv::INTER_CUBIC); // small codes: modules too thin to sample
    attempts.push_back(larger);
    for (cv::Mat& image : attempts) {
        if (!image.isContinuous()) image = image.clone();
        zbar::Image frame(static_cast<unsigned>(image.cols), static_cast<unsigned>(image.rows), "Y800", image.data,
                          static_cast<unsigned long>(image.total()));
        if (scanner.scan(frame) > 0) {
            for (auto symbol = frame.symbol_begin(); symbol != frame.symbol_end(); ++symbol) return symbol->get_data();
        }
    }
    return std::nullopt;
}

std::optional<std::string> scanQrCode(const std::string& source, int maxFrames)
{
    LiveSource frames(source);
    for (int i = 0; i < maxFrames; ++i) {
        std::optional<DecodedImage> frame = frames.next();
        if (!frame) break;
        if (auto text = readQrCode(frame->pixels)) return text;
    }
    return std::nullopt;
}

} // namespace cccd::face
