// `cccd read --loop`: the normal state of a reception desk. Waits for each new card, reads it, prints its report
// (one JSON line per card with --json) and goes on through removals and errors until stopped or stdin ends.
// With --qr-from-stdin each card's key is one line from a keyboard-wedge QR scanner (or a typed ID or CAN).
#pragma once

#include "cccd/access_key.hpp"
#include "cccd/card_reader.hpp"

#include <optional>
#include <string>

namespace cccd::cli {

struct LoopSettings {
    ReadOptions options;                ///< as for one read; waits for each card forever
    std::optional<AccessKey> fixedKey;  ///< the key of every card, when not read from stdin
    bool json = false;
    std::string out;                    ///< a folder for one numbered sub-folder per card, or empty
    std::size_t trustedCscas = 0;
};

/** Runs until stdin ends (keys from stdin) or the process is stopped. Returns the exit code of the last card. */
int runLoop(LoopSettings settings);

} // namespace cccd::cli
