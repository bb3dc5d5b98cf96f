// What the decision needs, taken from the agent's answers as the page forwards them: the read's `verification`
// object (docs/verification.md) and the face-match answer (docs/agent.md).
#pragma once

#include "bank-counter/kyc/decision.hpp"

#include <nlohmann/json.hpp>

namespace cccd::samples::bank {

/** The verdict, the check that failed (for INVALID) and expiry. Throws std::invalid_argument naming the field
 *  when verification is not the agent's object. */
CardFacts cardFactsFrom(const nlohmann::json& verification);

/** match, score, threshold, liveness and the problem of an unusable face. Throws std::invalid_argument. */
FaceFacts faceFactsFrom(const nlohmann::json& answer);

} // namespace cccd::samples::bank
