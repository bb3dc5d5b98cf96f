#include "exam-hall/rules/roster_store.hpp"

#include "common/clock.hpp"

#include <map>

namespace cccd::samples::exam {
namespace {

Candidate candidateOf(const DbRow& row)
{
    return {row.text("id_number"), row.text("full_name"), row.text("room"), row.text("seat")};
}

} // namespace

std::optional<long long> findSession(Database& db, const std::string& name)
{
    auto rows = db.query("SELECT id FROM exam_sessions WHERE name = ?", {name});
    if (rows.empty()) return std::nullopt;
    return rows[0].integer("id");
}

long long sessionIdFor(Database& db, const std::string& name)
{
    // ON CONFLICT DO UPDATE (a no-op) so that RETURNING also answers when another door created it first.
    auto rows = db.query("INSERT INTO exam_sessions (name, created_at) VALUES (?, ?) "
                         "ON CONFLICT (name) DO UPDATE SET name = excluded.name RETURNING id",
                         {name, utcTimestamp()});
    return rows.at(0).integer("id");
}

bool sessionExists(Database& db, long long sessionId)
{
    return !db.query("SELECT 1 AS found FROM exam_sessions WHERE id = ?", {std::to_string(sessionId)}).empty();
}

std::string sessionName(Database& db, long long sessionId)
{
    auto rows = db.query("SELECT name FROM exam_sessions WHERE id = ?", {std::to_string(sessionId)});
    return rows.empty() ? "" : rows[0].text("name");
}

std::vector<ExamSession> listSessions(Database& db)
{
    std::vector<ExamSession> sessions;
    for (const DbRow& row : db.query("SELECT s.id, s.name, COUNT(c.id) AS candidates FROM exam_sessions s "
                                     "LEFT JOIN candidates c ON c.session_id = s.id GROUP BY s.id, s.name, s.created_at "
                                     "ORDER BY s.created_at DESC, s.id DESC")) {
        sessions.push_back({row.integer("id"), row.text("name"), row.integer("candidates")});
    }
    return sessions;
}

std::vector<RoomSize> roomsOf(Database& db, long long sessionId)
{
    std::vector<RoomSize> rooms;
    for (const DbRow& row :
         db.query("SELECT room, COUNT(*) AS candidates FROM candidates WHERE session_id = ? GROUP BY room ORDER BY room",
                  {std::to_string(sessionId)})) {
        rooms.push_back({row.text("room"), row.integer("candidates")});
    }
    return rooms;
}

ImportCounts importRoster(Database& db, long long sessionId, const std::vector<RosterRow>& rows)
{
    ImportCounts counts;
    const std::string session = std::to_string(sessionId);
    db.transaction([&] {
        std::map<std::string, Candidate> existing;
        for (const DbRow& row : db.query("SELECT id_number, full_name, room, seat FROM candidates WHERE session_id = ?", {session})) {
            existing.emplace(row.text("id_number"), candidateOf(row));
        }
        const std::string now = utcTimestamp();
        for (const RosterRow& row : rows) {
            auto found = existing.find(row.idNumber);
            if (found == existing.end()) {
                db.query("INSERT INTO candidates (session_id, id_number, full_name, room, seat, updated_at) VALUES (?, ?, ?, ?, ?, ?)",
                         {session, row.idNumber, row.fullName, row.room, row.seat, now});
                ++counts.added;
            } else if (found->second.fullName != row.fullName || found->second.room != row.room || found->second.seat != row.seat) {
                db.query("UPDATE candidates SET full_name = ?, room = ?, seat = ?, updated_at = ? WHERE session_id = ? AND id_number = ?",
                         {row.fullName, row.room, row.seat, now, session, row.idNumber});
                ++counts.updated;
            } else {
                ++counts.unchanged;
            }
        }
    });
    return counts;
}

std::optional<Candidate> findCandidate(Database& db, long long sessionId, const std::string& idNumber)
{
    auto rows = db.query("SELECT id_number, full_name, room, seat FROM candidates WHERE session_id = ? AND id_number = ?",
                         {std::to_string(sessionId), idNumber});
    if (rows.empty()) return std::nullopt;
    return candidateOf(rows[0]);
}

std::vector<Candidate> candidatesOfRoom(Database& db, long long sessionId, const std::string& room)
{
    std::vector<Candidate> list;
    // Seats are text ("07", "A12"): shorter first, so that 9 comes before 10 whichever way the board wrote them.
    for (const DbRow& row : db.query("SELECT id_number, full_name, room, seat FROM candidates WHERE session_id = ? AND room = ? "
                                     "ORDER BY LENGTH(seat), seat",
                                     {std::to_string(sessionId), room})) {
        list.push_back(candidateOf(row));
    }
    return list;
}

bool deleteSession(Database& db, const std::string& name)
{
    bool found = false;
    db.transaction([&] {
        auto id = findSession(db, name);
        if (!id) return;
        found = true;
        const std::string session = std::to_string(*id);
        db.query("DELETE FROM door_checks WHERE session_id = ?", {session});
        db.query("DELETE FROM candidates WHERE session_id = ?", {session});
        db.query("DELETE FROM exam_sessions WHERE id = ?", {session});
    });
    return found;
}

} // namespace cccd::samples::exam
