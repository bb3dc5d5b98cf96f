// The exam board's candidate roster as a CSV file: ID number, full name, exam room, seat. Files come from Excel,
// LibreOffice or the board's own system, so this is tolerant of what they do (a UTF-8 BOM, CRLF, quotes, ';' or
// tab as the separator, empty rows, extra columns) and strict about the data: a bad row is reported with its line
// number and the good rows are still imported.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace cccd::samples::exam {

/** One candidate as the exam board listed them. */
struct RosterRow {
    int line = 0;           ///< where the row starts in the file (1 = the first line)
    std::string idNumber;   ///< 12 digits
    std::string fullName;   ///< as given, spaces tidied
    std::string room;       ///< e.g. "P.101"
    std::string seat;       ///< e.g. "07" (text: boards number seats their own way)
};

/** A row that was not imported, and why. `code` is stable (the page translates it); `message` is English. */
struct RosterProblem {
    int line = 0;
    std::string code;    ///< columns, id_number, id_leading_zero, id_scientific, name_missing, room_missing,
                         ///< seat_missing, duplicate_id, duplicate_seat, not_utf8, unclosed_quote, empty_file
    std::string message; ///< for the command line and logs; never holds the row's name
    int otherLine = 0;   ///< the first row it clashes with (duplicate_id, duplicate_seat), else 0
};

struct RosterParse {
    std::vector<RosterRow> rows;
    std::vector<RosterProblem> problems;
    bool headerSkipped = false;
    int extraColumns = 0; ///< columns after the fourth, ignored: the roster keeps only what the door needs
};

/** Parses the whole file. Never throws: anything wrong is a problem with a line number. */
RosterParse parseRosterCsv(std::string_view text);

} // namespace cccd::samples::exam
