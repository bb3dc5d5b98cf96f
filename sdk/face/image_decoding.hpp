// Images to pixels: JPEG with libjpeg-turbo, JPEG 2000 (codestream or JP2) with OpenJPEG, anything else
// OpenCV reads (PNG, BMP ...). Sizes are checked before any pixel buffer is allocated.
#pragma once

#include "core/bytes.hpp"

#include <opencv2/core.hpp>

namespace cccd::face {

/** Largest image accepted: a decompression bomb is refused from its header. */
inline constexpr long long maxPixels = 40'000'000;

/** Decodes to 8-bit BGR (grey images are expanded). Throws Error(MalformedData) on a corrupt or oversized image. */
cv::Mat decodeImage(ByteView encoded);

} // namespace cccd::face
