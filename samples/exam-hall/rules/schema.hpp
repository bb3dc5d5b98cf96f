// The exam hall's tables, for SQLite and PostgreSQL alike: exam sessions, the roster of each session (what the
// exam board gave: ID number, name, room, seat) and one row per check at the door. No photo, no other card data.
#pragma once

#include "common/database.hpp"

namespace cccd::samples::exam {

/** Brings the database up to the current schema (safe to call at every start, from many doors at once). */
void migrateExamHall(Database& db);

} // namespace cccd::samples::exam
