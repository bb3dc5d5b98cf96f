// A small input file (a roster CSV, a data file) read whole: regular files only and within a size limit checked before
// and while reading, so a FIFO does not hang the command and /dev/zero does not grow it until memory runs out.
#pragma once

#include <cstddef>
#include <string>

namespace cccd::samples {

/** The file's text. Throws std::runtime_error naming the file when it is missing, not a regular file (a folder, a FIFO,
 *  a device) or larger than maxBytes. */
std::string readSmallFile(const std::string& path, std::size_t maxBytes);

} // namespace cccd::samples
