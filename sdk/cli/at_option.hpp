// `--at YYYY-MM-DD` of read and verify: check certificate validity and expiry as of that day.
#pragma once

#include <CLI/CLI.hpp>

#include <ctime>
#include <memory>
#include <optional>
#include <string>

namespace cccd::cli {

/** Adds --at to cmd; at receives noon UTC of the day given (a usage error names a malformed date). */
void addAtOption(CLI::App* cmd, std::shared_ptr<std::optional<std::time_t>> at);

} // namespace cccd::cli
