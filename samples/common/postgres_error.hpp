// What a failed PostgreSQL statement may say in a log. The server's own text cannot be logged: its DETAIL line
// repeats the row's values ("Key (id_number)=(001090123456) already exists") and some primary messages quote
// the value that failed ('invalid input syntax for type bigint: "..."'). Only the SQLSTATE, its class and the
// names of the schema objects involved (constraint, table, column) are kept.
#pragma once

#include <string>

struct pg_result;

namespace cccd::samples {

/** "PostgreSQL error 23505 (unique violation) on constraint patients_id_number_key, table patients": never a value. */
std::string postgresErrorSummary(const pg_result* result);

} // namespace cccd::samples
