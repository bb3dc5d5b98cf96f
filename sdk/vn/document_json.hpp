// The "document" object of the JSON report (CONTRACTS.md), and back (for `verify --dir`).
#pragma once

#include "cccd/document.hpp"

#include <nlohmann/json.hpp>

namespace cccd::vn {

nlohmann::json documentToJson(const Document& document);

} // namespace cccd::vn
