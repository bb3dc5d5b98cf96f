// Chip photos of a chosen size, made at run time from any JPEG: larger pictures and higher JPEG quality
// give more bytes, the way real chips range from ~15 KB to ~60 KB faces. Nothing is stored in the repository.
#pragma once

#include "core/bytes.hpp"

#include <cstddef>

namespace cccd::bench {

/** A JPEG of source, rescaled and re-encoded, within 5 % of targetBytes; throws if no setting gets there. */
Bytes jpegOfSize(const Bytes& source, std::size_t targetBytes);

} // namespace cccd::bench
