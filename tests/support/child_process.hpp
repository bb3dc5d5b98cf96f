// Stopping a child process a test started: SIGTERM, then SIGKILL after a deadline, always reaped.
#pragma once

#include <chrono>
#include <string>
#include <sys/types.h>
#include <vector>

namespace cccd::test {

void stopProcess(pid_t pid, std::chrono::milliseconds grace = std::chrono::seconds(5));

/** Starts args[0] (a path) with these arguments; the child exits 127 if it cannot run it. Returns its PID, or -1. */
pid_t startProcess(std::vector<std::string> args);

} // namespace cccd::test
