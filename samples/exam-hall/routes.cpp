#include "exam-hall/routes.hpp"

#include "exam-hall/rules/attendance_csv.hpp"
#include "exam-hall/rules/door_check.hpp"
#include "exam-hall/rules/roster_csv.hpp"
#include "exam-hall/rules/roster_store.hpp"

namespace cccd::samples::exam {
namespace {

using nlohmann::json;

constexpr int recentChecks = 8;

long long sessionFrom(Database& db, const std::string& text)
{
    long long id = 0;
    try {
        id = std::stoll(text);
    } catch (const std::exception&) {
        throw ApiError{400, "invalid_argument", "session must be a session id"};
    }
    if (!sessionExists(db, id)) throw ApiError{404, "unknown_session", "this exam session does not exist (deleted?): choose it again"};
    return id;
}

long long sessionParam(Database& db, const httplib::Request& req)
{
    return sessionFrom(db, req.get_param_value("session"));
}

std::string roomParam(const httplib::Request& req)
{
    std::string room = req.get_param_value("room");
    if (room.empty()) throw ApiError{400, "invalid_argument", "missing room"};
    return room;
}

long long sessionField(Database& db, const json& body)
{
    if (!body.contains("session") || !body["session"].is_number_integer()) throw ApiError{400, "invalid_argument", "missing session"};
    return sessionFrom(db, std::to_string(body["session"].get<long long>()));
}

json candidateJson(const std::optional<Candidate>& c)
{
    if (!c) return nullptr;
    return {{"full_name", c->fullName}, {"room", c->room}, {"seat", c->seat}};
}

json checkJson(const CheckRecord& c)
{
    json reasons = json::parse(c.reasons, nullptr, false);
    return {{"id", c.id},
            {"checked_at", c.checkedAt},
            {"id_masked", maskId(c.idNumber)},
            {"full_name", c.fullName.empty() ? json(nullptr) : json(c.fullName)},
            {"seat", c.seat.empty() ? json(nullptr) : json(c.seat)},
            {"decision", c.decision},
            {"reasons", reasons.is_array() ? reasons : json::array()},
            {"face_score", c.faceScore ? json(*c.faceScore) : json(nullptr)},
            {"seconds", c.seconds ? json(*c.seconds) : json(nullptr)}};
}

json overviewJson(Database& db, long long session, const std::string& room)
{
    RoomOverview o = roomOverview(db, session, room, recentChecks);
    json recent = json::array();
    for (const CheckRecord& c : o.recent) recent.push_back(checkJson(c));
    return {{"expected", o.expected},
            {"admitted", o.admitted},
            {"referred", o.referred},
            {"remaining", std::max(0LL, o.expected - o.admitted)},
            {"median_seconds", o.medianSeconds ? json(*o.medianSeconds) : json(nullptr)},
            {"timed_checks", o.timedChecks},
            {"recent", recent}};
}

json importAnswer(long long session, const std::string& name, const RosterParse& parsed, const ImportCounts& counts)
{
    json problems = json::array();
    for (const RosterProblem& p : parsed.problems) {
        problems.push_back({{"line", p.line}, {"code", p.code}, {"message", p.message}, {"other_line", p.otherLine}});
    }
    return {{"session", session ? json{{"id", session}, {"name", name}} : json(nullptr)},
            {"added", counts.added},
            {"updated", counts.updated},
            {"unchanged", counts.unchanged},
            {"header_skipped", parsed.headerSkipped},
            {"extra_columns", parsed.extraColumns},
            {"problems", problems}};
}

FaceCheck faceFrom(const json& body)
{
    FaceCheck face;
    if (!body.contains("face") || body["face"].is_null()) return face; // the invigilator referred without the face step
    const json& f = body["face"];
    face.compared = f.value("compared", false);
    face.match = f.value("match", false);
    face.score = f.value("score", 0.0);
    if (f.contains("live") && f["live"].is_boolean()) face.live = f["live"].get<bool>();
    face.problem = f.value("problem", "");
    return face;
}

DoorRequest doorRequestFrom(Database& db, const json& body)
{
    DoorRequest r;
    r.sessionId = sessionField(db, body);
    r.room = requiredText(body, "room");
    r.idNumber = requiredIdNumber(body, "id_number");
    r.cardVerdict = requiredText(body, "card_verdict");
    if (r.cardVerdict != "VALID" && r.cardVerdict != "INVALID" && r.cardVerdict != "UNVERIFIED") {
        throw ApiError{400, "invalid_argument", "card_verdict must be VALID, INVALID or UNVERIFIED"};
    }
    r.face = faceFrom(body);
    if (body.contains("seconds") && body["seconds"].is_number()) {
        double s = body["seconds"].get<double>();
        if (s >= 0 && s < 3600) r.seconds = s;
    }
    r.via = body.value("via", "");
    if (r.via != "" && r.via != "scanner" && r.via != "camera" && r.via != "typed") r.via = "";
    return r;
}

} // namespace

void addRoutes(SampleServer& server)
{
    Database& db = server.db();

    server.get("/api/sessions", [&db](const httplib::Request&, const json&) {
        json list = json::array();
        for (const ExamSession& s : listSessions(db)) {
            json rooms = json::array();
            for (const RoomSize& r : roomsOf(db, s.id)) rooms.push_back({{"room", r.room}, {"candidates", r.candidates}});
            list.push_back({{"id", s.id}, {"name", s.name}, {"candidates", s.candidates}, {"rooms", rooms}});
        }
        return json{{"sessions", list}};
    });

    // The roster file as text ({session: name, csv}): the page reads the upload in the browser.
    server.post("/api/roster/import", [&db](const httplib::Request&, const json& body) {
        const std::string name = requiredText(body, "session");
        const std::string csv = body.value("csv", ""); // an empty file is reported like any other bad file
        RosterParse parsed = parseRosterCsv(csv);
        if (parsed.rows.empty()) return importAnswer(0, name, parsed, {}); // nothing to import: no session is made
        long long session = sessionIdFor(db, name);
        ImportCounts counts = importRoster(db, session, parsed.rows);
        logLine("exam-hall", "roster import into session " + std::to_string(session) + ": " + std::to_string(counts.added) + " added, " +
                                 std::to_string(counts.updated) + " updated, " + std::to_string(parsed.problems.size()) + " refused");
        return importAnswer(session, name, parsed, counts);
    });

    server.get("/api/rooms/overview", [&db](const httplib::Request& req, const json&) {
        return overviewJson(db, sessionParam(db, req), roomParam(req));
    });

    server.get("/api/rooms/candidates", [&db](const httplib::Request& req, const json&) {
        long long session = sessionParam(db, req);
        std::string room = roomParam(req);
        auto arrivals = arrivalsOfRoom(db, session, room);
        auto stateOf = [&](const std::string& id) {
            for (const auto& [number, arrival] : arrivals) {
                if (number == id) return arrival == Arrival::Admitted ? "admitted" : arrival == Arrival::Referred ? "referred" : "not_yet";
            }
            return "not_yet";
        };
        json list = json::array();
        for (const Candidate& c : candidatesOfRoom(db, session, room)) {
            list.push_back({{"seat", c.seat}, {"full_name", c.fullName}, {"id_masked", maskId(c.idNumber)}, {"state", stateOf(c.idNumber)}});
        }
        return json{{"candidates", list}};
    });

    // As soon as the chip's ID is read (before the photo): the name and seat to show while the face is compared.
    server.post("/api/lookup", [&db](const httplib::Request&, const json& body) {
        long long session = sessionField(db, body);
        std::string room = requiredText(body, "room");
        std::string id = requiredIdNumber(body, "id_number");
        auto candidate = findCandidate(db, session, id);
        RosterPlace place = placeOf(candidate, room);
        auto admitted = findAdmission(db, session, id);
        const char* where = place.where == RosterPlace::Where::ThisRoom ? "this_room"
                            : place.where == RosterPlace::Where::OtherRoom ? "other_room"
                                                                             : "not_on_roster";
        return json{{"place", where},
                    {"candidate", candidateJson(candidate)},
                    {"already_admitted", admitted ? json{{"room", admitted->room}, {"at", admitted->at}} : json(nullptr)}};
    });

    server.post("/api/checks", [&db](const httplib::Request&, const json& body) {
        DoorOutcome outcome = checkAtDoor(db, doorRequestFrom(db, body));
        return json{{"decision", outcome.record.decision},
                    {"level", outcome.decision.level},
                    {"reasons", reasonsJson(outcome.decision.reasons)},
                    {"candidate", candidateJson(outcome.candidate)},
                    {"check", checkJson(outcome.record)},
                    {"overview", overviewJson(db, outcome.record.sessionId, outcome.record.room)}};
    });

    // The export is a file, not JSON: the browser saves it.
    server.http().Get("/api/attendance.csv", [&db](const httplib::Request& req, httplib::Response& res) {
        res.set_header("Cache-Control", "no-store");
        try {
            long long session = sessionParam(db, req);
            std::optional<std::string> room;
            if (!req.get_param_value("room").empty()) room = req.get_param_value("room");
            res.set_header("Content-Disposition", "attachment; filename=\"attendance-" + std::to_string(session) + ".csv\"");
            res.set_content(attendanceCsv(sessionName(db, session), attendance(db, session, room)), "text/csv; charset=utf-8");
        } catch (const ApiError& e) {
            res.status = e.status;
            res.set_content(json{{"error", {{"code", e.code}, {"message", e.message}}}}.dump(), "application/json");
        } catch (const DatabaseError& e) {
            logLine("exam-hall", std::string("database error: ") + e.what());
            res.status = 503;
            res.set_content(json{{"error", {{"code", "database"}, {"message", "the database cannot be reached: try again in a moment"}}}}.dump(),
                            "application/json");
        }
    });
}

} // namespace cccd::samples::exam
