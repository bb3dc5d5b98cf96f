// The verification part of `cccd read` and `cccd verify` for people: the verdict and what it means first,
// then each check with its reason, expiry and notes.
#pragma once

#include "cccd/verification.hpp"

#include <ostream>

namespace cccd::cli {

void printVerification(std::ostream& out, const VerificationReport& report);

} // namespace cccd::cli
