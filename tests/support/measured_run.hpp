// Runs a program as a user would and measures it: exit code, output, wall time and peak resident memory (the
// child's own, from wait4), with a deadline after which it is killed. For tests that record bounded time and
// memory per case.
#pragma once

#include <chrono>
#include <string>
#include <vector>

namespace cccd::test {

struct MeasuredRun {
    int exitCode = -1;      ///< the program's exit code; -1 when it was killed at the deadline or by a signal
    bool timedOut = false;
    std::string out, err;   ///< stdout and stderr
    double seconds = 0;
    double peakRssMb = 0;
};

/** Runs args[0] (a path) with the rest as arguments and extraEnv ("NAME=value") added to this process's
 *  environment; stdin is /dev/null. */
MeasuredRun runMeasured(const std::vector<std::string>& args, const std::vector<std::string>& extraEnv = {},
                        std::chrono::milliseconds deadline = std::chrono::seconds(60));

} // namespace cccd::test
