#include "exam-hall/rules/door_rules.hpp"

#include <algorithm>

namespace cccd::samples::exam {

DoorDecision decide(const DoorFacts& facts)
{
    DoorDecision decision;
    auto refer = [&](std::string code, std::string room = {}, std::string seat = {}, std::string at = {}) {
        decision.reasons.push_back({std::move(code), std::move(room), std::move(seat), std::move(at)});
    };
    // Most serious first: the invigilator reads the first reason aloud to the supervisor.
    if (facts.cardVerdict == "INVALID") refer("card_invalid");
    if (facts.alreadyAdmitted) refer("already_admitted", facts.alreadyAdmitted->room, {}, facts.alreadyAdmitted->at);
    switch (facts.place.where) {
    case RosterPlace::Where::NotOnRoster:
        refer("not_on_roster");
        break;
    case RosterPlace::Where::OtherRoom:
        refer("other_room", facts.place.room, facts.place.seat);
        break;
    case RosterPlace::Where::ThisRoom:
        break;
    }
    if (!facts.face.compared) {
        refer("face_not_checked");
    } else {
        if (!facts.face.match) refer("face_mismatch");
        if (facts.face.live != true) refer("not_live"); // unmeasured liveness is no proof of a live person either
    }
    if (facts.cardVerdict != "VALID" && facts.cardVerdict != "INVALID") refer("card_unverified");

    decision.admit = decision.reasons.empty();
    const bool impersonation = std::any_of(decision.reasons.begin(), decision.reasons.end(), [](const ReferReason& r) {
        return r.code == "card_invalid" || r.code == "already_admitted" || r.code == "face_mismatch";
    });
    decision.level = decision.admit ? "ok" : impersonation ? "bad" : "warn";
    return decision;
}

std::string decisionWord(const DoorDecision& decision)
{
    return decision.admit ? "ADMIT" : "REFER";
}

} // namespace cccd::samples::exam
