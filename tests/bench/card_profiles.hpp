// The citizens the benchmarks read: the sample citizen with a chosen face and chip (a profile file for
// cccd-vcard), and a queue of different candidates for the door check (in memory). Test data only.
#pragma once

#include "profile.hpp"

#include <string>

namespace cccd::bench {

/** Writes folder/name.json: the sample citizen with this face (absolute path) and extended length or not. */
std::string writeSampleProfile(const std::string& folder, const std::string& name, const std::string& facePath, bool extendedLength);

/** Candidate number index (0, 1, …): its own ID (so its own CAN), name, dates, addresses, chip keys, and face. */
vcard::Profile candidateProfile(int index, const std::string& facePath);

/** The folder of the vcard sources (sample profiles, test PKI). */
std::string vcardDirectory();

} // namespace cccd::bench
