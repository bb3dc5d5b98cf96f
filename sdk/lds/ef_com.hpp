// EF.COM (ICAO 9303-10 §4.6.1): LDS and Unicode versions and the list of data groups present.
#pragma once

#include "core/bytes.hpp"

#include <string>
#include <vector>

namespace cccd::lds {

struct EfCom {
    std::string ldsVersion;     ///< "0107"
    std::string unicodeVersion; ///< "040000"
    std::vector<int> dataGroups; ///< from the tag list, in order; unknown tags are skipped
};

EfCom parseEfCom(ByteView file);

} // namespace cccd::lds
