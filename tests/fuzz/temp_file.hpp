// Loaders that take a path (the trust store, the virtual card's profile) get the fuzz input as a file.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace cccd::fuzz {

/** Writes the bytes to `name` in a folder of this process (in memory when /dev/shm exists) and returns its path. */
std::string writeTempFile(const std::uint8_t* data, std::size_t size, const std::string& name);

} // namespace cccd::fuzz
