// The largest size each eMRTD file may claim. A chip is untrusted: a header claiming 4 GB, or a DG1 of a megabyte,
// is refused before a block is read, so a forged chip can make a reader spend neither memory nor minutes.
#pragma once

#include <cstddef>
#include <cstdint>

namespace cccd::icao {

/** The most bytes the file with this identifier may hold: each far above what real documents carry (a TD1 DG1
 *  is ~100 bytes, an SOD 2-5 KB, a face 15-100 KB). Unknown files get 64 KiB. */
std::size_t largestFileSize(std::uint16_t fid) noexcept;

} // namespace cccd::icao
