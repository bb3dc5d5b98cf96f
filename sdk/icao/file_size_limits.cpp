#include "icao/file_size_limits.hpp"

namespace cccd::icao {

std::size_t largestFileSize(std::uint16_t fid) noexcept
{
    constexpr std::size_t kib = 1024;
    switch (fid) {
    case 0x011E: return 4 * kib;    // EF.COM: a tag list
    case 0x0101: return 4 * kib;    // DG1: the MRZ
    case 0x011C: return 16 * kib;   // EF.CardAccess: SecurityInfos
    case 0x010E:                    // DG14: chip authentication keys (a DH-2048 key is under 1 KB)
    case 0x010F: return 16 * kib;   // DG15: the active authentication key
    case 0x010D: return 64 * kib;   // DG13: the Vietnamese holder data, UTF-8
    case 0x011D: return 64 * kib;   // EF.SOD or EF.CardSecurity: hashes and one or two certificates
    case 0x0102: return 1024 * kib; // DG2: the face, JPEG or JPEG 2000
    default: return 64 * kib;
    }
}

} // namespace cccd::icao
