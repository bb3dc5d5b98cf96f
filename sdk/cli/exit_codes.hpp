// Exit codes of the cccd command (CONTRACTS.md) and the mapping from SDK errors.
#pragma once

#include "cccd/error.hpp"

namespace cccd::cli {

enum ExitCode : int {
    exitOk = 0,
    exitInternal = 1,
    exitUsage = 2,
    exitNoReaderOrCard = 3,
    exitAccessDenied = 4,
    exitCommunication = 5,
    exitInvalid = 6,
    exitNoMatch = 7,
};

/** The exit code for an error that ended a command. */
int exitCodeFor(const Error& error) noexcept;

} // namespace cccd::cli
