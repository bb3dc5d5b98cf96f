#include "exam-hall/rules/attendance_store.hpp"

#include "common/clock.hpp"

#include <algorithm>
#include <map>

namespace cccd::samples::exam {
namespace {

DbValue number(const std::optional<double>& value)
{
    if (!value) return std::nullopt;
    char text[32];
    std::snprintf(text, sizeof text, "%.3f", *value);
    return std::string(text);
}

std::optional<double> numberOf(const DbValue& value)
{
    if (!value || value->empty()) return std::nullopt;
    return std::stod(*value);
}

const char* checkColumns = "d.id, d.session_id, d.room, d.id_number, d.seat, d.decision, d.reasons, d.card_verdict, d.face_score, "
                           "d.seconds, d.key_via, d.checked_at, c.full_name";

// The roster's name comes from the candidate row of the same session, never from the card.
const char* checkJoin = " FROM door_checks d LEFT JOIN candidates c ON c.session_id = d.session_id AND c.id_number = d.id_number ";

CheckRecord checkOf(const DbRow& row)
{
    CheckRecord c;
    c.id = row.integer("id");
    c.sessionId = row.integer("session_id");
    c.room = row.text("room");
    c.idNumber = row.text("id_number");
    c.seat = row.text("seat");
    c.fullName = row.text("full_name");
    c.decision = row.text("decision");
    c.reasons = row.text("reasons");
    c.cardVerdict = row.text("card_verdict");
    c.faceScore = numberOf(row.at("face_score"));
    c.seconds = numberOf(row.at("seconds"));
    c.via = row.text("key_via");
    c.checkedAt = row.text("checked_at");
    return c;
}

} // namespace

std::optional<double> median(std::vector<double> values)
{
    if (values.empty()) return std::nullopt;
    std::sort(values.begin(), values.end());
    std::size_t mid = values.size() / 2;
    return values.size() % 2 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
}

CheckRecord insertCheck(Database& db, CheckRecord check)
{
    check.checkedAt = utcTimestamp();
    auto rows = db.query("INSERT INTO door_checks (session_id, room, id_number, seat, decision, reasons, card_verdict, face_score, seconds, "
                         "key_via, checked_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                         {std::to_string(check.sessionId), check.room, check.idNumber,
                          check.seat.empty() ? DbValue() : DbValue(check.seat), check.decision, check.reasons, check.cardVerdict,
                          number(check.faceScore), number(check.seconds), check.via.empty() ? DbValue() : DbValue(check.via),
                          check.checkedAt});
    check.id = rows.at(0).integer("id");
    return check;
}

std::optional<PriorAdmission> findAdmission(Database& db, long long sessionId, const std::string& idNumber)
{
    auto rows = db.query("SELECT room, checked_at FROM door_checks WHERE session_id = ? AND id_number = ? AND decision = 'ADMIT'",
                         {std::to_string(sessionId), idNumber});
    if (rows.empty()) return std::nullopt;
    return PriorAdmission{rows[0].text("room"), rows[0].text("checked_at")};
}

RoomOverview roomOverview(Database& db, long long sessionId, const std::string& room, int recentCount)
{
    RoomOverview overview;
    const DbParams where = {std::to_string(sessionId), room};
    overview.expected = db.query("SELECT COUNT(*) AS n FROM candidates WHERE session_id = ? AND room = ?", where).at(0).integer("n");
    std::vector<double> seconds;
    for (const DbRow& row : db.query("SELECT decision, seconds FROM door_checks WHERE session_id = ? AND room = ?", where)) {
        if (row.text("decision") == "ADMIT") ++overview.admitted;
        if (row.text("decision") == "REFER") ++overview.referred;
        if (auto s = numberOf(row.at("seconds"))) seconds.push_back(*s);
    }
    overview.timedChecks = static_cast<long long>(seconds.size());
    overview.medianSeconds = median(seconds);
    for (const DbRow& row : db.query(std::string("SELECT ") + checkColumns + checkJoin +
                                         "WHERE d.session_id = ? AND d.room = ? ORDER BY d.id DESC LIMIT " + std::to_string(recentCount),
                                     where)) {
        overview.recent.push_back(checkOf(row));
    }
    return overview;
}

std::vector<std::pair<std::string, Arrival>> arrivalsOfRoom(Database& db, long long sessionId, const std::string& room)
{
    std::map<std::string, Arrival> state;
    for (const DbRow& row : db.query("SELECT c.id_number, d.decision FROM candidates c LEFT JOIN door_checks d "
                                     "ON d.session_id = c.session_id AND d.id_number = c.id_number "
                                     "WHERE c.session_id = ? AND c.room = ?",
                                     {std::to_string(sessionId), room})) {
        Arrival& a = state.emplace(row.text("id_number"), Arrival::NotYet).first->second;
        const std::string decision = row.text("decision");
        if (decision == "ADMIT") a = Arrival::Admitted;
        if (decision == "REFER" && a == Arrival::NotYet) a = Arrival::Referred;
    }
    return {state.begin(), state.end()};
}

std::vector<CheckRecord> attendance(Database& db, long long sessionId, const std::optional<std::string>& room)
{
    DbParams params = {std::to_string(sessionId)};
    std::string sql = std::string("SELECT ") + checkColumns + checkJoin + "WHERE d.session_id = ?";
    if (room) {
        sql += " AND d.room = ?";
        params.push_back(*room);
    }
    std::vector<CheckRecord> checks;
    for (const DbRow& row : db.query(sql + " ORDER BY d.id", params)) checks.push_back(checkOf(row));
    return checks;
}

} // namespace cccd::samples::exam
