// The QR code on the card face, read from an image with ZBar (Debian's OpenCV 4.6 is built without a QR
// decoder), tried on the image as it is, then sharpened and upscaled, so a blurred or small code still decodes.
#pragma once

#include <opencv2/core.hpp>

#include <optional>
#include <string>

namespace cccd::face {

/** The QR payload (UTF-8) of the first code found, or nothing. */
std::optional<std::string> readQrCode(const cv::Mat& bgr);

/** The first QR payload in a live source (image, folder, video file, camera:N), trying up to maxFrames frames. */
std::optional<std::string> scanQrCode(const std::string& source, int maxFrames = 60);

} // namespace cccd::face
