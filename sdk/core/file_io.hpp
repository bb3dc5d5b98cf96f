// Whole files as bytes, from regular files only and within a size limit checked before reading: a FIFO, a
// device (/dev/zero), a socket or a folder where a file is expected is refused at once, never read or waited on.
#pragma once

#include "core/bytes.hpp"

#include <cstddef>
#include <optional>
#include <string>

namespace cccd {

/** The default cap on a file read whole: far above any certificate, chip file or photo the SDK reads. */
inline constexpr std::size_t maxFileBytes = 64u << 20;

/** The file's contents. Throws Error(NotFound) "cannot read PATH: ..." when it is missing or unreadable, and
 *  Error(InvalidArgument) when it is not a regular file or is larger than maxBytes. */
Bytes readFileBytes(const std::string& path, std::size_t maxBytes = maxFileBytes);
/** The file's contents, or nothing when no such path exists; anything else is refused as readFileBytes does. */
std::optional<Bytes> readFileIfPresent(const std::string& path, std::size_t maxBytes = maxFileBytes);
/** A secret's file (a token, a key), as readFileIfPresent, but a symbolic link is refused (O_NOFOLLOW: nobody can point
 *  it at their own file) and so is a file that group or others may read, with the chmod that fixes it. */
std::optional<Bytes> readPrivateFileIfPresent(const std::string& path, std::size_t maxBytes);

/** What a path is when it is not a regular file ("a folder", "a FIFO", "a device", "a socket"), for messages. */
std::string fileTypeName(unsigned mode);

} // namespace cccd
