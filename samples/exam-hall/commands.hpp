// The exam hall's subcommands for the exam board's office: import a roster file, export the attendance, delete a
// session once the board has its export. Each opens the database itself (no server needed).
#pragma once

#include "common/database.hpp"

#include <optional>
#include <string>

namespace cccd::samples::exam {

/** Exit codes: 0 every row imported; 4 some rows refused (listed; the others were imported); 2 unreadable file. */
int importRosterCommand(const std::string& db, const std::string& session, const std::string& file);

/** Writes the CSV to `out` (stdout when empty). Exit 2 for an unknown session. */
int exportAttendanceCommand(const std::string& db, const std::string& session, const std::optional<std::string>& room,
                            const std::string& out);

int deleteSessionCommand(const std::string& db, const std::string& session);

/** For the demo (--demo): imports the file as session `session` when the database has no session yet. */
void importDemoRoster(Database& db, const std::string& session, const std::string& file);

} // namespace cccd::samples::exam
