#include "exam-hall/rules/door_check.hpp"

#include "common/sample_server.hpp"

namespace cccd::samples::exam {

RosterPlace placeOf(const std::optional<Candidate>& candidate, const std::string& room)
{
    if (!candidate) return {};
    return {candidate->room == room ? RosterPlace::Where::ThisRoom : RosterPlace::Where::OtherRoom, candidate->room, candidate->seat};
}

nlohmann::json reasonsJson(const std::vector<ReferReason>& reasons)
{
    nlohmann::json list = nlohmann::json::array();
    for (const ReferReason& r : reasons) {
        nlohmann::json item{{"code", r.code}};
        if (!r.room.empty()) item["room"] = r.room;
        if (!r.seat.empty()) item["seat"] = r.seat;
        if (!r.at.empty()) item["at"] = r.at;
        list.push_back(item);
    }
    return list;
}

DoorOutcome checkAtDoor(Database& db, const DoorRequest& request)
{
    DoorOutcome outcome;
    outcome.candidate = findCandidate(db, request.sessionId, request.idNumber);
    auto attempt = [&] {
        db.transaction([&] {
            DoorFacts facts{placeOf(outcome.candidate, request.room), request.cardVerdict, request.face,
                            findAdmission(db, request.sessionId, request.idNumber)};
            outcome.decision = decide(facts);
            CheckRecord check;
            check.sessionId = request.sessionId;
            check.room = request.room;
            check.idNumber = request.idNumber;
            if (facts.place.where == RosterPlace::Where::ThisRoom) check.seat = facts.place.seat;
            check.decision = decisionWord(outcome.decision);
            check.reasons = reasonsJson(outcome.decision.reasons).dump();
            check.cardVerdict = request.cardVerdict;
            if (request.face.compared) check.faceScore = request.face.score;
            check.seconds = request.seconds;
            check.via = request.via;
            outcome.record = insertCheck(db, check);
        });
    };
    try {
        attempt();
    } catch (const DatabaseError&) {
        // The one-admission index refused a second ADMIT that raced in from another door: decide again, now
        // seeing that admission. Any other failure fails again and goes up.
        if (!findAdmission(db, request.sessionId, request.idNumber)) throw;
        attempt();
    }
    outcome.record.fullName = outcome.candidate ? outcome.candidate->fullName : "";
    logLine("exam-hall", "door " + outcome.record.room + ": " + maskId(request.idNumber) + " " + outcome.record.decision + " " +
                             outcome.record.reasons);
    return outcome;
}

} // namespace cccd::samples::exam
