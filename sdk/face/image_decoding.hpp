// Images to pixels: JPEG with libjpeg-turbo, JPEG 2000 (codestream or JP2) with OpenJPEG, PNG with libpng,
// BMP with OpenCV. The header's sizes are checked before any decoder runs (image_header.hpp); other formats are
// refused rather than handed to a decoder whose limits we do not check. JPEGs are turned upright as their EXIF
// orientation says (phone and camera photos), as OpenCV's imread does.
#pragma once

#include "core/bytes.hpp"
#include "face/image_header.hpp"

#include <opencv2/core.hpp>

#include <string>

namespace cccd::face {

/** Pixels, and what the decoder could not read of an image it still decoded (a file cut short, corrupt data). */
struct DecodedImage {
    cv::Mat pixels;      ///< 8-bit BGR
    std::string damage;  ///< empty when the image decoded cleanly; else the decoder's words ("Premature end of JPEG file")
    cv::Rect intact;     ///< the part decoded from real data: the whole image unless the rest is filler
};

/** Pixels with nothing missing (a camera frame, a cleanly decoded file). */
DecodedImage undamaged(cv::Mat pixels);

/** Decodes to 8-bit BGR (grey images are expanded). Throws Error(MalformedData) on a corrupt or oversized image,
 *  Error(InvalidArgument) on bytes that are not a JPEG, JPEG 2000, PNG or BMP. */
DecodedImage decodeImageChecked(ByteView encoded);

/** decodeImageChecked without the damage report, for tools that only need pixels. */
cv::Mat decodeImage(ByteView encoded);

} // namespace cccd::face
