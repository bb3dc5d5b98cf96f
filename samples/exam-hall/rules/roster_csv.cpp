#include "exam-hall/rules/roster_csv.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <utility>

namespace cccd::samples::exam {
namespace {

constexpr std::string_view utf8Bom = "\xEF\xBB\xBF";
constexpr std::string_view noBreakSpace = "\xC2\xA0"; // Excel and web pages put these around cells
// U+FFFD: what a browser puts for bytes that are not UTF-8 when the page reads an upload as text.
constexpr std::string_view replacementCharacter = "\xEF\xBF\xBD";

struct Record {
    int line = 0;
    std::vector<std::string> cells;
};

bool isUtf8(std::string_view s)
{
    for (std::size_t i = 0; i < s.size();) {
        auto c = static_cast<unsigned char>(s[i]);
        std::size_t extra = 0;
        if (c >= 0xC2 && c <= 0xDF) {
            extra = 1;
        } else if ((c & 0xF0) == 0xE0) {
            extra = 2;
        } else if (c >= 0xF0 && c <= 0xF4) {
            extra = 3;
        } else if (c >= 0x80) {
            return false;
        }
        if (s.size() - i <= extra) return false;
        for (std::size_t k = 1; k <= extra; ++k) {
            if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
        }
        i += extra + 1;
    }
    return true;
}

// Trims the ends and turns every run of spaces, tabs, line breaks and no-break spaces into one space.
std::string tidy(const std::string& cell)
{
    std::string out;
    bool pendingSpace = false;
    for (std::size_t i = 0; i < cell.size(); ++i) {
        bool space = cell[i] == ' ' || cell[i] == '\t' || cell[i] == '\r' || cell[i] == '\n';
        if (!space && cell.compare(i, noBreakSpace.size(), noBreakSpace) == 0) {
            space = true;
            ++i;
        }
        if (space) {
            pendingSpace = !out.empty();
            continue;
        }
        if (pendingSpace) out += ' ';
        pendingSpace = false;
        out += cell[i];
    }
    return out;
}

// The separator of the file: the one that occurs most in its first line, outside quotes (',' when none does).
char detectSeparator(std::string_view text)
{
    std::map<char, int> counts{{',', 0}, {';', 0}, {'\t', 0}};
    bool quoted = false;
    for (char c : text) {
        if (c == '"') quoted = !quoted;
        if (!quoted && (c == '\n' || c == '\r')) break;
        if (!quoted && counts.count(c)) ++counts[c];
    }
    char best = ',';
    for (auto [c, n] : counts) {
        if (n > counts[best]) best = c;
    }
    return best;
}

// RFC 4180 records. A quoted cell may hold separators, quotes ("") and line breaks; `line` is where a record starts.
// A quote left open runs to the end of the file: that line alone is reported and reading resumes on the next line,
// so one stray quote does not swallow the rest of the roster.
std::vector<Record> splitRecords(std::string_view text, char separator, std::vector<RosterProblem>& problems)
{
    std::vector<Record> records;
    std::size_t pos = 0;
    int line = 1;
    while (pos < text.size()) {
        Record record{line, {}};
        std::string cell;
        bool inQuotes = false;
        bool cellHasText = false; // a quote opens a quoted cell only at its start (after spaces)
        std::size_t i = pos;
        int at = line;
        bool unclosed = false;
        for (;;) {
            if (i == text.size()) {
                if (inQuotes) {
                    unclosed = true;
                } else {
                    record.cells.push_back(cell);
                }
                break;
            }
            char c = text[i];
            if (inQuotes) {
                if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
                    cell += '"';
                    i += 2;
                } else if (c == '"') {
                    inQuotes = false;
                    ++i;
                } else {
                    if (c == '\n' || (c == '\r' && (i + 1 == text.size() || text[i + 1] != '\n'))) ++at;
                    cell += c;
                    ++i;
                }
                continue;
            }
            if (c == '"' && !cellHasText) {
                inQuotes = true;
                cellHasText = true;
                cell.clear();
                ++i;
                continue;
            }
            if (c == separator) {
                record.cells.push_back(cell);
                cell.clear();
                cellHasText = false;
                ++i;
                continue;
            }
            if (c == '\r' || c == '\n') {
                i += (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ? 2 : 1;
                ++at;
                record.cells.push_back(cell);
                break;
            }
            if (c != ' ') cellHasText = true;
            cell += c;
            ++i;
        }
        if (unclosed) {
            problems.push_back({line, "unclosed_quote", "a quote (\") is opened and never closed: the row was skipped", 0});
            std::size_t end = text.find_first_of("\r\n", pos);
            if (end == std::string_view::npos) break;
            pos = end + ((text[end] == '\r' && end + 1 < text.size() && text[end + 1] == '\n') ? 2 : 1);
            ++line;
            continue;
        }
        records.push_back(std::move(record));
        pos = i;
        line = at;
    }
    return records;
}

bool allDigits(const std::string& s)
{
    return !s.empty() && s.find_first_not_of("0123456789") == std::string::npos;
}

// "1.09012E+11" or "1,09012E+11": a spreadsheet showed the number in scientific notation and saved it that way.
bool scientific(const std::string& s)
{
    std::size_t e = s.find_first_of("eE");
    return e != std::string::npos && e > 0 && std::isdigit(static_cast<unsigned char>(s[0])) &&
           s.find_first_not_of("0123456789.,", 0) == e && allDigits(s.substr(e + (e + 1 < s.size() && s[e + 1] == '+' ? 2 : 1)));
}

// The first row is a header unless its first cell looks like an ID number.
bool looksLikeHeader(const Record& record)
{
    std::string first = tidy(record.cells.empty() ? "" : record.cells[0]);
    std::string compact;
    for (char c : first) {
        if (c != ' ') compact += c;
    }
    return !(allDigits(compact) || scientific(compact));
}

bool isBlank(const Record& record)
{
    for (const std::string& cell : record.cells) {
        if (!tidy(cell).empty()) return false;
    }
    return true;
}

// Why an ID cell is not a CCCD number, or "" when it is one. The checks name the usual spreadsheet accidents.
std::pair<std::string, std::string> idProblem(const std::string& id)
{
    if (allDigits(id) && id.size() == 12) return {};
    if (scientific(id)) {
        return {"id_scientific", "the ID number was saved as a number in scientific notation (1.09E+11): format the column as Text"};
    }
    if (allDigits(id) && id.size() == 9) return {"id_old_cmnd", "a 9-digit CMND number: the roster needs the 12-digit CCCD number"};
    if (allDigits(id) && (id.size() == 10 || id.size() == 11)) {
        return {"id_leading_zero", "the ID number has " + std::to_string(id.size()) +
                                       " digits: the spreadsheet dropped its leading 0. Format the column as Text and type it again"};
    }
    return {"id_number", "the ID number must be the 12 digits of a CCCD"};
}

} // namespace

RosterParse parseRosterCsv(std::string_view text)
{
    RosterParse result;
    if (text.compare(0, utf8Bom.size(), utf8Bom) == 0) text.remove_prefix(utf8Bom.size());
    std::vector<Record> records = splitRecords(text, detectSeparator(text), result.problems);

    std::map<std::string, int> lineOfId;
    std::map<std::pair<std::string, std::string>, int> lineOfSeat;
    bool first = true;
    for (const Record& record : records) {
        if (isBlank(record)) continue; // empty lines and Excel's ",,," rows
        if (first) {
            first = false;
            if (looksLikeHeader(record)) {
                result.headerSkipped = true;
                continue;
            }
        }
        auto problem = [&](std::string code, std::string message, int otherLine = 0) {
            result.problems.push_back({record.line, std::move(code), std::move(message), otherLine});
        };
        bool utf8 = true;
        for (const std::string& cell : record.cells) utf8 = utf8 && isUtf8(cell) && cell.find(replacementCharacter) == std::string::npos;
        if (!utf8) {
            problem("not_utf8", "the row is not UTF-8 text: save the file as \"CSV UTF-8\"");
            continue;
        }
        if (record.cells.size() < 4) {
            problem("columns", "4 columns are needed (ID number, full name, exam room, seat), the row has " +
                                   std::to_string(record.cells.size()));
            continue;
        }
        result.extraColumns = std::max(result.extraColumns, static_cast<int>(record.cells.size()) - 4);
        RosterRow row;
        row.line = record.line;
        for (char c : tidy(record.cells[0])) {
            if (c != ' ') row.idNumber += c;
        }
        row.fullName = tidy(record.cells[1]);
        row.room = tidy(record.cells[2]);
        row.seat = tidy(record.cells[3]);
        if (auto [code, message] = idProblem(row.idNumber); !code.empty()) {
            problem(code, message);
        } else if (row.fullName.empty()) {
            problem("name_missing", "the full name is empty");
        } else if (row.room.empty()) {
            problem("room_missing", "the exam room is empty");
        } else if (row.seat.empty()) {
            problem("seat_missing", "the seat is empty");
        } else if (auto id = lineOfId.find(row.idNumber); id != lineOfId.end()) {
            problem("duplicate_id", "the same ID number is already on line " + std::to_string(id->second), id->second);
        } else if (auto seat = lineOfSeat.find({row.room, row.seat}); seat != lineOfSeat.end()) {
            problem("duplicate_seat", "seat " + row.seat + " of room " + row.room + " is already given on line " + std::to_string(seat->second),
                    seat->second);
        } else {
            lineOfId[row.idNumber] = row.line;
            lineOfSeat[{row.room, row.seat}] = row.line;
            result.rows.push_back(std::move(row));
        }
    }
    std::stable_sort(result.problems.begin(), result.problems.end(),
                     [](const RosterProblem& a, const RosterProblem& b) { return a.line < b.line; });
    if (result.rows.empty() && result.problems.empty()) {
        result.problems.push_back({0, "empty_file", "the file holds no candidates", 0});
    }
    return result;
}

} // namespace cccd::samples::exam
