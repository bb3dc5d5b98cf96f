// The attendance record: one row per check at the door (ADMIT or REFER), and what is read back from it: whether a
// candidate was already admitted, the room's overview and the export for the exam board.
#pragma once

#include "common/database.hpp"
#include "exam-hall/rules/door_rules.hpp"

#include <optional>
#include <string>
#include <vector>

namespace cccd::samples::exam {

/** One check as it is stored. `reasons` is the JSON array of the decision's reasons. */
struct CheckRecord {
    long long id = 0;
    long long sessionId = 0;
    std::string room;
    std::string idNumber;
    std::string seat;     ///< the roster's seat in this room, "" when not on this room's roster
    std::string fullName; ///< the roster's name (read back only; never stored with the check)
    std::string decision; ///< ADMIT or REFER
    std::string reasons;
    std::string cardVerdict;
    std::optional<double> faceScore;
    std::optional<double> seconds;
    std::string via; ///< how the key came: scanner, camera, typed
    std::string checkedAt;
};

/** Stores a check; returns its id and time. Throws DatabaseError (also when a second ADMIT of the same card races in). */
CheckRecord insertCheck(Database& db, CheckRecord check);

std::optional<PriorAdmission> findAdmission(Database& db, long long sessionId, const std::string& idNumber);

/** Where each candidate of a room stands: admitted, referred (and not admitted since) or not yet seen. */
enum class Arrival { NotYet, Admitted, Referred };

struct RoomOverview {
    long long expected = 0;
    long long admitted = 0; ///< candidates of this room admitted (at this door)
    long long referred = 0; ///< checks at this door that ended in REFER
    std::optional<double> medianSeconds;
    long long timedChecks = 0;
    std::vector<CheckRecord> recent; ///< the last checks at this door, newest first
};

RoomOverview roomOverview(Database& db, long long sessionId, const std::string& room, int recentCount);

/** The state of each candidate of a room, by ID number. */
std::vector<std::pair<std::string, Arrival>> arrivalsOfRoom(Database& db, long long sessionId, const std::string& room);

/** Every check of a session (or of one room), oldest first, with the roster's name for the exam board. */
std::vector<CheckRecord> attendance(Database& db, long long sessionId, const std::optional<std::string>& room);

/** The median of some durations (nullopt for none). */
std::optional<double> median(std::vector<double> values);

} // namespace cccd::samples::exam
