// The attendance export for the exam board: one CSV row per check at the door, in UTF-8 with a BOM (so that Excel
// shows Vietnamese names) and CRLF line ends. The ID number is written in full: the board matches it against its
// own records. Reasons are stable codes (README: "Attendance export").
#pragma once

#include "exam-hall/rules/attendance_store.hpp"

#include <string>
#include <vector>

namespace cccd::samples::exam {

std::string attendanceCsv(const std::string& sessionName, const std::vector<CheckRecord>& checks);

/** A cell as CSV writes it: quoted when it holds a separator, a quote, a line break or edge spaces. */
std::string csvCell(const std::string& value);

/** "2026-06-27T00:12:05Z" as the server's local time, "2026-06-27 07:12:05" ("" for a malformed time). */
std::string localTimeOf(const std::string& utc);

} // namespace cccd::samples::exam
