// The kiosk's tables: an anonymous tally of sessions per day. No ID number, name, date of birth or photo is ever
// stored: a session row is its day, its ticket number (when one was issued), its time and its outcome.
#pragma once

#include "common/migrations.hpp"

#include <vector>

namespace cccd::samples::kiosk {

/** The kiosk's migrations, in order (never edit a shipped one: add a new one). */
const std::vector<Migration>& kioskMigrations();

} // namespace cccd::samples::kiosk
