// Stopping a child process a test started: SIGTERM, then SIGKILL after a deadline, always reaped.
#pragma once

#include <chrono>
#include <sys/types.h>

namespace cccd::test {

void stopProcess(pid_t pid, std::chrono::milliseconds grace = std::chrono::seconds(5));

} // namespace cccd::test
