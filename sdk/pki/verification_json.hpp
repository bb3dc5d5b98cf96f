// The "verification" object of the JSON report (CONTRACTS.md).
#pragma once

#include "cccd/verification.hpp"

#include <nlohmann/json.hpp>

namespace cccd::pki {

nlohmann::json verificationToJson(const VerificationReport& report);

} // namespace cccd::pki
