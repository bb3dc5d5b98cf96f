// How `cccd read` gets the key that opens the chip: one option (--can, --id, --qr, --mrz, --bac), whose value
// "-" means "read it from stdin"; or, with no option, the environment (CCCD_CAN, CCCD_ID, CCCD_QR, CCCD_MRZ,
// CCCD_BAC) so the key never shows in `ps`. In a queue, each card's key is one line from a scanner.
#pragma once

#include "cccd/access_key.hpp"

#include <CLI/CLI.hpp>

#include <string>

namespace cccd::cli {

/** The key as given: each text is wiped when released (a copy too: keyFrom takes one). */
struct KeyArguments {
    std::string can, id, qr, mrz, bac;

    KeyArguments() = default;
    KeyArguments(const KeyArguments&) = default;
    KeyArguments& operator=(const KeyArguments&) = delete; // CLI11 holds references to the members: never replaced
    ~KeyArguments();
};

void addKeyOptions(CLI::App* cmd, KeyArguments& keys);

/** True if an option or an environment variable gives a key. */
bool keyGiven(const KeyArguments& keys);

/** The key; throws Error(InvalidArgument) unless exactly one source gives it. */
AccessKey keyFrom(KeyArguments keys);

/** A key scanned or typed as one line: a card-face QR payload (with '|'), a 12-digit ID number or a 6-digit CAN. */
AccessKey keyFromLine(const std::string& line);

} // namespace cccd::cli
