// The face-match answer as JSON (CONTRACTS.md keys), for `cccd face-match --json` and the agent alike.
#pragma once

#include "cccd/face.hpp"

#include <nlohmann/json.hpp>

namespace cccd::face {

/** Every contract key, also when nothing was compared (then add "problem"). */
nlohmann::json matchToJson(const FaceMatchResult& result);

} // namespace cccd::face
