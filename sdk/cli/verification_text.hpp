// The verification part of `cccd read` and `cccd verify` for people: first one line a clerk acts on
// ("GENUINE CARD", "COULD NOT BE VERIFIED: …", "FORGED OR CLONED CARD: do not accept"), then each check with
// its reason, expiry and notes.
#pragma once

#include "cccd/verification.hpp"

#include <ostream>
#include <string>

namespace cccd::cli {

/** The line a clerk acts on. trustedCscas: how many CSCAs the trust store holds (none: say how to install them). */
std::string headline(const VerificationReport& report, std::size_t trustedCscas);

void printVerification(std::ostream& out, const VerificationReport& report, std::size_t trustedCscas);

} // namespace cccd::cli
