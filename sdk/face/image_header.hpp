// What an encoded image declares about itself, read from its header without decoding a pixel, so a
// decompression bomb (a 1 MB PNG of 20000x20000, a JPEG 2000 declaring gigapixels or thousands of components)
// is refused before any decoder allocates for it.
#pragma once

#include "cccd/error.hpp"
#include "core/bytes.hpp"

#include <cstddef>
#include <optional>
#include <string>

namespace cccd::face {

/** Largest image accepted, in pixels and along either side: a 40-megapixel photo, a phone's 8000x5000. */
inline constexpr long long maxPixels = 40'000'000;
inline constexpr long long maxSide = 12'000;
/** Largest image file read: far above any chip photo (~20 KB) or camera photo. */
inline constexpr std::size_t maxImageFileBytes = 32u << 20;

struct ImageHeader {
    const char* format;       ///< "JPEG", "JPEG 2000", "PNG", "BMP"
    long long width = 0, height = 0;
    long long components = 1; ///< colour channels (JPEG 2000 declares any number)
};

/** The header of a JPEG, JPEG 2000 (codestream or JP2), PNG or BMP; nothing for anything else. Throws
 *  Error(MalformedData) when the format is recognised but its header is cut short or corrupt. */
std::optional<ImageHeader> readImageHeader(ByteView encoded);

/** Throws Error(kind) naming the format and size when the image is empty or larger than the limits above. */
void checkImageLimits(const ImageHeader& header, ErrorKind kind);

} // namespace cccd::face
