// The hospital desk's tables, for SQLite and PostgreSQL alike.
#pragma once

#include "common/migrations.hpp"

#include <vector>

namespace cccd::samples::hospital {

/** The app name under which the migrations are recorded. */
inline constexpr const char* appName = "hospital-checkin";

/** Every migration of the hospital desk, in order (never edit a shipped one: add the next number). */
const std::vector<Migration>& migrations();

} // namespace cccd::samples::hospital
