#include "exam-hall/rules/attendance_csv.hpp"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <ctime>

namespace cccd::samples::exam {
namespace {

std::string number(const std::optional<double>& value, const char* format)
{
    if (!value) return "";
    char text[32];
    std::snprintf(text, sizeof text, format, *value);
    return text;
}

// "other_room (P.102, seat 07); face_mismatch": codes for machines, with the room or time a person needs.
std::string reasonsText(const std::string& stored)
{
    nlohmann::json reasons = nlohmann::json::parse(stored, nullptr, false);
    if (!reasons.is_array()) return "";
    std::string out;
    for (const auto& r : reasons) {
        if (!out.empty()) out += "; ";
        out += r.value("code", "");
        if (r.contains("seat")) {
            out += " (" + r.value("room", "") + ", seat " + r.value("seat", "") + ")";
        } else if (r.contains("at")) {
            out += " (" + r.value("room", "") + ", " + localTimeOf(r.value("at", "")) + ")";
        }
    }
    return out;
}

} // namespace

std::string csvCell(const std::string& value)
{
    bool quote = value.find_first_of(",\"\r\n;") != std::string::npos || (!value.empty() && (value.front() == ' ' || value.back() == ' '));
    if (!quote) return value;
    std::string out = "\"";
    for (char c : value) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

std::string localTimeOf(const std::string& utc)
{
    std::tm parts{};
    if (std::sscanf(utc.c_str(), "%d-%d-%dT%d:%d:%d", &parts.tm_year, &parts.tm_mon, &parts.tm_mday, &parts.tm_hour, &parts.tm_min,
                    &parts.tm_sec) != 6) {
        return "";
    }
    parts.tm_year -= 1900;
    parts.tm_mon -= 1;
    std::time_t instant = timegm(&parts);
    std::tm local{};
    localtime_r(&instant, &local);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%d %H:%M:%S", &local);
    return text;
}

std::string attendanceCsv(const std::string& sessionName, const std::vector<CheckRecord>& checks)
{
    std::string csv = "\xEF\xBB\xBF"
                      "session,checked_at,room,seat,id_number,full_name,decision,reasons,card,face_score,seconds,key_via\r\n";
    for (const CheckRecord& c : checks) {
        for (const std::string& cell : {sessionName, localTimeOf(c.checkedAt), c.room, c.seat, c.idNumber, c.fullName, c.decision,
                                        reasonsText(c.reasons), c.cardVerdict, number(c.faceScore, "%.3f"), number(c.seconds, "%.1f"), c.via}) {
            csv += csvCell(cell) + ',';
        }
        csv.back() = '\r';
        csv += '\n';
    }
    return csv;
}

} // namespace cccd::samples::exam
