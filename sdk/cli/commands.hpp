// Each subcommand of `cccd` lives in its own file and registers itself on the CLI11 app.
// A command's action returns the process exit code (exit_codes.hpp).
#pragma once

#include <CLI/CLI.hpp>

#include <functional>

namespace cccd::cli {

/** Set by the subcommand that was chosen; run by main inside one error handler. */
using Action = std::function<int()>;

void addReadersCommand(CLI::App& app, Action& action);
void addReadCommand(CLI::App& app, Action& action);
void addVerifyCommand(CLI::App& app, Action& action);
void addTrustCommand(CLI::App& app, Action& action);
void addFaceEvalCommand(CLI::App& app, Action& action);
void addFaceMatchCommand(CLI::App& app, Action& action);
void addScanQrCommand(CLI::App& app, Action& action);
void addDoctorCommand(CLI::App& app, Action& action);

} // namespace cccd::cli
