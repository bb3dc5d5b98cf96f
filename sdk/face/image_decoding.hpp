// Images to pixels: JPEG with libjpeg-turbo, JPEG 2000 (codestream or JP2) with OpenJPEG, PNG with libpng,
// anything else OpenCV reads (BMP ...). Sizes are checked before any pixel buffer is allocated. JPEGs are
// turned upright as their EXIF orientation says (phone and camera photos), as OpenCV's imread does.
#pragma once

#include "core/bytes.hpp"

#include <opencv2/core.hpp>

#include <string>

namespace cccd::face {

/** Largest image accepted: a decompression bomb is refused from its header. */
inline constexpr long long maxPixels = 40'000'000;

/** Pixels, and what the decoder could not read of an image it still decoded (a file cut short, corrupt data). */
struct DecodedImage {
    cv::Mat pixels;      ///< 8-bit BGR
    std::string damage;  ///< empty when the image decoded cleanly; else the decoder's words ("Premature end of JPEG file")
    cv::Rect intact;     ///< the part decoded from real data: the whole image unless the rest is filler
};

/** Pixels with nothing missing (a camera frame, a cleanly decoded file). */
DecodedImage undamaged(cv::Mat pixels);

/** Decodes to 8-bit BGR (grey images are expanded). Throws Error(MalformedData) on a corrupt or oversized image. */
DecodedImage decodeImageChecked(ByteView encoded);

/** decodeImageChecked without the damage report, for tools that only need pixels. */
cv::Mat decodeImage(ByteView encoded);

} // namespace cccd::face
