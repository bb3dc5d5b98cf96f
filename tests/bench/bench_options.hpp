// cccd-bench's command line (docs/benchmarks.md).
#pragma once

#include "door_check.hpp"
#include "read_matrix.hpp"

#include <optional>
#include <string>

namespace cccd::bench {

struct Sections {
    bool reads = true, face = true, memory = true, door = true;
};

struct BenchOptions {
    MatrixOptions matrix;
    DoorOptions door;
    int faceFrames = 100;
    Sections sections;
    bool json = false;
    std::string jsonOut;
    // --rss-probe: the child process that measures peak memory (peak_memory.hpp).
    bool rssProbe = false;
    std::string probeCan, probeModels, probeLive;
};

/** Parses the command line; prints help or the error and returns nothing when the program should exit (code 2). */
std::optional<BenchOptions> parseBenchOptions(int argc, char** argv);

} // namespace cccd::bench
