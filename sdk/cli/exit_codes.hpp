// Exit codes of the cccd command (CONTRACTS.md) and the mapping from SDK errors.
#pragma once

#include "cccd/error.hpp"

#include <nlohmann/json.hpp>

#include <string>

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

/** The machine-readable name of an error kind ("no_card", "access_denied", ...). */
const char* errorCode(ErrorKind kind) noexcept;

/** {"error": {"code", "message", "exit_code"}}: what `--json` prints on stdout when a command fails. The code is the
 *  kind's, or "several_cards" for cards on several readers (SeveralCards, kind NoReader). */
nlohmann::json errorJson(const Error& error);

} // namespace cccd::cli
