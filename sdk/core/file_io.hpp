// Whole files as bytes.
#pragma once

#include "core/bytes.hpp"

#include <optional>
#include <string>

namespace cccd {

/** The file's contents; throws Error(NotFound) "cannot read PATH". */
Bytes readFileBytes(const std::string& path);
/** The file's contents, or nothing when it does not exist or cannot be read. */
std::optional<Bytes> readFileIfPresent(const std::string& path);

} // namespace cccd
