// DG2 (ICAO 9303-10 §4.7.2): the face, in an ISO/IEC 19794-5 (or 39794-5) record inside a biometric
// information group template. Only the first face image is taken.
#pragma once

#include "core/bytes.hpp"

#include <string>

namespace cccd::lds {

enum class ImageFormat { Jpeg, Jpeg2000, Unknown };

struct FaceImage {
    ImageFormat format = ImageFormat::Unknown;
    int width = 0;  ///< from the record header (0 if absent)
    int height = 0;
    Bytes image;    ///< JPEG or JPEG 2000 bytes (biometric data: wipe after use)
};

FaceImage parseDg2(ByteView file);

/** The image format from its first bytes (JPEG FFD8FF, JP2 signature box, J2K codestream FF4FFF51). */
ImageFormat detectImageFormat(ByteView image);

const char* formatName(ImageFormat format);

} // namespace cccd::lds
