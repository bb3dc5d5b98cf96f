// One decoder per format behind decodeImageChecked (image_decoding.hpp).
#pragma once

#include "face/image_decoding.hpp"

namespace cccd::face {

/** Throws Error(MalformedData) for an empty image or one larger than maxPixels. */
void checkSize(int width, int height, const char* format);

DecodedImage decodeJpeg(ByteView data);
cv::Mat decodeJpeg2000(ByteView data);
cv::Mat decodePng(ByteView data);

} // namespace cccd::face
