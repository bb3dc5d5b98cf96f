#include "lds/lds_files.hpp"

namespace cccd::lds {

const std::vector<LdsFile>& ldsFiles()
{
    static const std::vector<LdsFile> files{
        {efCardAccess, 0x011C, 0x1C, 0x31, "CardAccess"},
        {efCom, 0x011E, 0x1E, 0x60, "COM"},
        {efSod, 0x011D, 0x1D, 0x77, "SOD"},
        {1, 0x0101, 0x01, 0x61, "DG1"},   {2, 0x0102, 0x02, 0x75, "DG2"},   {3, 0x0103, 0x03, 0x63, "DG3"},
        {4, 0x0104, 0x04, 0x76, "DG4"},   {5, 0x0105, 0x05, 0x65, "DG5"},   {6, 0x0106, 0x06, 0x66, "DG6"},
        {7, 0x0107, 0x07, 0x67, "DG7"},   {8, 0x0108, 0x08, 0x68, "DG8"},   {9, 0x0109, 0x09, 0x69, "DG9"},
        {10, 0x010A, 0x0A, 0x6A, "DG10"}, {11, 0x010B, 0x0B, 0x6B, "DG11"}, {12, 0x010C, 0x0C, 0x6C, "DG12"},
        {13, 0x010D, 0x0D, 0x6D, "DG13"}, {14, 0x010E, 0x0E, 0x6E, "DG14"}, {15, 0x010F, 0x0F, 0x6F, "DG15"},
        {16, 0x0110, 0x10, 0x70, "DG16"},
    };
    return files;
}

std::optional<LdsFile> fileByDataGroup(int dataGroup)
{
    for (const LdsFile& f : ldsFiles()) {
        if (f.dataGroup == dataGroup) return f;
    }
    return std::nullopt;
}

std::optional<LdsFile> fileByTag(std::uint8_t tag)
{
    for (const LdsFile& f : ldsFiles()) {
        if (f.tag == tag && f.dataGroup != efCardAccess) return f;
    }
    return std::nullopt;
}

std::optional<LdsFile> fileByName(const std::string& name)
{
    for (const LdsFile& f : ldsFiles()) {
        if (name == f.name) return f;
    }
    return std::nullopt;
}

} // namespace cccd::lds
