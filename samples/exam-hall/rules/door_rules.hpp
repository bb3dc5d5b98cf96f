// The door's decision: ADMIT only when the card is genuine, its holder is on this room's roster and not yet
// admitted, and the live face matches the chip photo; otherwise REFER TO SUPERVISOR with every reason, in order of
// weight. No database, no HTTP: the rules alone, so that they are read and tested in one place.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace cccd::samples::exam {

/** Where the roster puts the card's holder for this exam session. */
struct RosterPlace {
    enum class Where { ThisRoom, OtherRoom, NotOnRoster } where = Where::NotOnRoster;
    std::string room; ///< the holder's room (this one or the other)
    std::string seat;
};

/** The face step as the agent answered it. */
struct FaceCheck {
    bool compared = false;    ///< false: no usable face (problem says why) or the invigilator skipped the step
    bool match = false;
    double score = 0;
    std::optional<bool> live; ///< nullopt: liveness was not measured
    std::string problem;      ///< the agent's words when no face could be compared
};

/** An earlier ADMIT of the same ID number in this session. */
struct PriorAdmission {
    std::string room;
    std::string at; ///< UTC ISO 8601
};

struct DoorFacts {
    RosterPlace place;
    std::string cardVerdict; ///< the agent's verification.overall: VALID, INVALID or UNVERIFIED
    FaceCheck face;
    std::optional<PriorAdmission> alreadyAdmitted;
};

/** One reason to refer, with what the page needs to say it (room and seat of another room, time of the admission). */
struct ReferReason {
    std::string code; ///< card_invalid, already_admitted, not_on_roster, other_room, face_mismatch, not_live,
                      ///< face_not_checked, card_unverified
    std::string room;
    std::string seat;
    std::string at;
};

struct DoorDecision {
    bool admit = false;
    std::string level; ///< ok (green), warn (amber: a supervisor sorts it out), bad (red: a likely impersonation)
    std::vector<ReferReason> reasons;
};

DoorDecision decide(const DoorFacts& facts);

/** "ADMIT" or "REFER". */
std::string decisionWord(const DoorDecision& decision);

} // namespace cccd::samples::exam
