// The JSON the page gets and sends. ID numbers leave the server masked only: the page already has the full one.
#pragma once

#include "rules/checkin_desk.hpp"

#include <nlohmann/json.hpp>

namespace cccd::samples::hospital {

nlohmann::json toJson(const Department& department);
nlohmann::json toJson(const VisitDetails& details);
nlohmann::json toJson(const CheckinOutcome& outcome);

/** The body of POST /api/checkins; throws ApiError 400 for a missing or malformed field. */
CheckinRequest checkinRequestFrom(const nlohmann::json& body);

} // namespace cccd::samples::hospital
