// Starting and stopping the child processes a test runs (pcscd, the virtual card, the agent, the CLI): always
// reaped, stopped with SIGTERM, then SIGKILL after a deadline.
#pragma once

#include <chrono>
#include <string>
#include <sys/types.h>
#include <vector>

namespace cccd::test {

void stopProcess(pid_t pid, std::chrono::milliseconds grace = std::chrono::seconds(5));

/** Starts args[0] (a path) with these arguments, this process's environment plus extraEnv ("NAME=value", replacing
 *  a variable of that name) and stdin from /dev/null. Its stdout and stderr go to outPath and errPath (created 0600)
 *  when given (both to one file when the paths are equal), else to this process's. The child exits 127 if it cannot run the program. Returns its PID, or -1. */
pid_t startProcess(const std::vector<std::string>& args, const std::vector<std::string>& extraEnv = {}, const std::string& outPath = "",
                   const std::string& errPath = "");

} // namespace cccd::test
