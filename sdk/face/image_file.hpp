// An image file the user named (a chip photo, a live picture), checked before a decoder sees it: a regular file of
// at most maxImageFileBytes whose header declares a supported format within the pixel limits.
#pragma once

#include "core/bytes.hpp"

#include <string>

namespace cccd::face {

/** The file's bytes. Throws Error(InvalidArgument) for a FIFO, device or folder, a file too large, an unsupported
 *  format or an image too large (each a usage error: exit 2), Error(NotFound) when it is missing. */
Bytes readImageFile(const std::string& path);

} // namespace cccd::face
