// The files of the eMRTD application (ICAO 9303-10 §4.6): data group number, file identifier,
// short file identifier and outer tag, in one table.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace cccd::lds {

struct LdsFile {
    int dataGroup;       ///< 1..16; 0 for EF.COM, -1 for EF.SOD, -2 for EF.CardAccess
    std::uint16_t fid;
    std::uint8_t sfi;
    std::uint8_t tag;    ///< outer tag of the file's contents
    const char* name;    ///< "DG1", "EF.COM", ... (also the dump file's base name without "EF.")
};

const std::vector<LdsFile>& ldsFiles();
std::optional<LdsFile> fileByDataGroup(int dataGroup);
std::optional<LdsFile> fileByTag(std::uint8_t tag);
std::optional<LdsFile> fileByName(const std::string& name);

inline constexpr int efCom = 0;
inline constexpr int efSod = -1;
inline constexpr int efCardAccess = -2;

} // namespace cccd::lds
