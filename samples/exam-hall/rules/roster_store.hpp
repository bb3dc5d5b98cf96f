// Exam sessions and their rosters in the database: import (re-import updates), and the look-ups of the door.
#pragma once

#include "common/database.hpp"
#include "exam-hall/rules/roster_csv.hpp"

#include <optional>
#include <string>
#include <vector>

namespace cccd::samples::exam {

struct ExamSession {
    long long id = 0;
    std::string name;
    long long candidates = 0;
};

struct RoomSize {
    std::string room;
    long long candidates = 0;
};

struct Candidate {
    std::string idNumber;
    std::string fullName;
    std::string room;
    std::string seat;
};

/** What an import changed. Rows of the session missing from the file stay: they may already have been checked. */
struct ImportCounts {
    int added = 0;
    int updated = 0;
    int unchanged = 0;
};

/** The session of this name, created when new; returns its id. */
long long sessionIdFor(Database& db, const std::string& name);
std::optional<long long> findSession(Database& db, const std::string& name);
bool sessionExists(Database& db, long long sessionId);
std::string sessionName(Database& db, long long sessionId);
std::vector<ExamSession> listSessions(Database& db);
std::vector<RoomSize> roomsOf(Database& db, long long sessionId);

/** Adds new candidates and updates changed ones (name, room, seat), in one transaction. */
ImportCounts importRoster(Database& db, long long sessionId, const std::vector<RosterRow>& rows);

std::optional<Candidate> findCandidate(Database& db, long long sessionId, const std::string& idNumber);
/** The room's candidates by seat. */
std::vector<Candidate> candidatesOfRoom(Database& db, long long sessionId, const std::string& room);

/** Deletes a session with its roster and checks (after the exam board has its export). Returns false if unknown. */
bool deleteSession(Database& db, const std::string& name);

} // namespace cccd::samples::exam
