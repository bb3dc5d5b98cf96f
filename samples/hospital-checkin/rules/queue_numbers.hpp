// Queue numbers: 1, 2, 3 ... per department and per day, never the same number twice, even when many counters
// (many server processes) write to one PostgreSQL at the same moment.
#pragma once

#include "common/database.hpp"

#include <string>

namespace cccd::samples::hospital {

/**
 * Takes the next number of this department on this day. One statement does it: the upsert locks the counter row
 * (PostgreSQL) or holds the write lock (SQLite) until the caller's transaction ends, so a second counter waits and
 * gets the next number. Call it inside the transaction that stores the visit: if that fails, the number is given
 * back with the rollback.
 */
long long takeQueueNumber(Database& db, long long departmentId, const std::string& visitDate);

/** The last number given today (0 when none): how many patients this department has had today. */
long long lastQueueNumber(Database& db, long long departmentId, const std::string& visitDate);

} // namespace cccd::samples::hospital
