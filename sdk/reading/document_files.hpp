// The holder's data from the raw files: DG1 (MRZ) always, DG13 only for a Vietnamese document (other states
// use DG13 for their own data). A file that does not parse is a problem reported, not an exception.
#pragma once

#include "cccd/document.hpp"
#include "cccd/error.hpp"
#include "core/bytes.hpp"
#include "lds/dg13_vn.hpp"
#include "lds/mrz.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace cccd::reading {

struct DocumentFiles {
    std::optional<lds::Mrz> mrz;
    std::optional<lds::Dg13> dg13; ///< only when DG13 is a Vietnamese one
    Document document;
    std::vector<std::string> problems; ///< "DG13 does not parse: …"
};

/** parse(file bytes) for the named file when present; a parse error becomes a problem and nothing. */
template <typename Parse>
auto parseIfPresent(const std::map<std::string, Bytes>& files, const char* name, std::vector<std::string>& problems, Parse parse)
    -> std::optional<decltype(parse(ByteView{}))>
{
    auto file = files.find(name);
    if (file == files.end()) return std::nullopt;
    try {
        return parse(file->second);
    } catch (const Error& e) {
        problems.push_back(std::string(name) + " does not parse: " + e.what());
        return std::nullopt;
    }
}

/** True unless DG1 says another state issued the document: then DG13 is not a CCCD's. */
bool mayHoldVietnameseDg13(const std::optional<lds::Mrz>& mrz);

DocumentFiles parseDocumentFiles(const std::map<std::string, Bytes>& files);

} // namespace cccd::reading
