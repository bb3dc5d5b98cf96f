// The trust a `cccd` command verifies with, loaded once before any card is touched: a bad path is a usage error
// (exit 2) said before the tap; skipped files are named on stderr; a new install without any CSCA is told loudly.
#pragma once

#include "cccd/trust_store.hpp"

#include <memory>
#include <string>
#include <vector>

namespace cccd::cli {

/** announce: say loudly when no CSCA is trusted (for people; with --json the report says it). */
std::shared_ptr<const TrustStore> loadCommandTrust(const std::vector<std::string>& paths, bool announce);

} // namespace cccd::cli
