#include "kiosk/rules/kiosk_schema.hpp"

namespace cccd::samples::kiosk {

const std::vector<Migration>& kioskMigrations()
{
    static const std::vector<Migration> migrations = {
        {1,
         // The last ticket number of each local day: one row per day, bumped in one statement so that many kiosks
         // writing to one PostgreSQL server never hand out the same number.
         "CREATE TABLE kiosk_day_counters (day TEXT PRIMARY KEY, last_ticket INTEGER NOT NULL);\n"
         // One row per finished session. ticket_number is NULL when the citizen was sent to the help desk.
         "CREATE TABLE kiosk_sessions (id {{id}}, day TEXT NOT NULL, ticket_number INTEGER, "
         "finished_at {{timestamp}} NOT NULL, outcome TEXT NOT NULL);\n"
         "CREATE UNIQUE INDEX kiosk_sessions_ticket ON kiosk_sessions (day, ticket_number);\n"
         "CREATE INDEX kiosk_sessions_day ON kiosk_sessions (day, outcome);"},
    };
    return migrations;
}

} // namespace cccd::samples::kiosk
