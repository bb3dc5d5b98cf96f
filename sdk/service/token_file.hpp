// The agent's bearer token for local programs: 256 random bits, made on first start, in a file only its owner reads.
#pragma once

#include <string>
#include <string_view>

namespace cccd::service {

/** Reads the token, or creates the file (mode 0600, folder 0700) with a new one. Throws Error(InvalidArgument) when the
 *  file is not a regular file of its own (a link, FIFO, folder, device), is larger than 4 KiB, or group or others may read it. */
std::string loadOrCreateToken(const std::string& path);

/** Constant-time comparison, so the time taken says nothing about how much of a guess was right. */
bool sameToken(std::string_view given, std::string_view expected) noexcept;

} // namespace cccd::service
