// One candidate at the door, from the facts the page brings (the chip's ID number and verdict, the face step) to
// the stored decision: the roster and earlier admissions are looked up here, the rules decide, the check is kept.
#pragma once

#include "common/database.hpp"
#include "exam-hall/rules/attendance_store.hpp"
#include "exam-hall/rules/door_rules.hpp"
#include "exam-hall/rules/roster_store.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

namespace cccd::samples::exam {

struct DoorRequest {
    long long sessionId = 0;
    std::string room;
    std::string idNumber;    ///< from the chip
    std::string cardVerdict; ///< VALID, INVALID or UNVERIFIED
    FaceCheck face;
    std::optional<double> seconds; ///< from the key to the decision, measured by the page
    std::string via;
};

struct DoorOutcome {
    DoorDecision decision;
    std::optional<Candidate> candidate; ///< the roster's row for this ID in this session, in any room
    CheckRecord record;
};

/** Where the roster puts a candidate relative to the door's room. */
RosterPlace placeOf(const std::optional<Candidate>& candidate, const std::string& room);

/** Decides and records. A second door admitting the same card at the same moment turns this one into a REFER. */
DoorOutcome checkAtDoor(Database& db, const DoorRequest& request);

/** The reasons as stored and sent to the page: [{"code", "room"?, "seat"?, "at"?}]. */
nlohmann::json reasonsJson(const std::vector<ReferReason>& reasons);

} // namespace cccd::samples::exam
