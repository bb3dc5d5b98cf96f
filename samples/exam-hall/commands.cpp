#include "exam-hall/commands.hpp"

#include "common/sample_server.hpp"
#include "common/small_file.hpp"
#include "exam-hall/rules/attendance_csv.hpp"
#include "exam-hall/rules/roster_csv.hpp"
#include "exam-hall/rules/roster_store.hpp"
#include "exam-hall/rules/schema.hpp"

#include <fstream>
#include <iostream>
#include <sstream>
#include <stdexcept>

namespace cccd::samples::exam {
namespace {

std::unique_ptr<Database> openMigrated(const std::string& spec)
{
    auto db = openDatabase(spec);
    migrateExamHall(*db);
    return db;
}

// A roster of a whole exam board (hundreds of thousands of candidates) is a few tens of MiB.
constexpr std::size_t maxRosterBytes = 64u << 20;

long long existingSession(Database& db, const std::string& name)
{
    auto id = findSession(db, name);
    if (!id) throw std::runtime_error("no exam session named \"" + name + "\" in this database");
    return *id;
}

} // namespace

int importRosterCommand(const std::string& spec, const std::string& session, const std::string& file)
{
    RosterParse parsed = parseRosterCsv(readSmallFile(file, maxRosterBytes));
    for (const RosterProblem& p : parsed.problems) {
        std::cerr << file << ":" << p.line << ": " << p.message << "\n";
    }
    if (parsed.rows.empty()) {
        std::cerr << "nothing imported: no row of " << file << " is a valid candidate\n";
        return 4;
    }
    auto db = openMigrated(spec);
    ImportCounts counts = importRoster(*db, sessionIdFor(*db, session), parsed.rows);
    std::cout << "session \"" << session << "\": " << counts.added << " added, " << counts.updated << " updated, " << counts.unchanged
              << " unchanged";
    if (!parsed.problems.empty()) std::cout << ", " << parsed.problems.size() << " refused (listed above; fix them and import again)";
    std::cout << "\n";
    if (parsed.extraColumns > 0) {
        std::cout << "columns after the fourth were not imported: the door needs only ID number, name, room and seat\n";
    }
    return parsed.problems.empty() ? 0 : 4;
}

int exportAttendanceCommand(const std::string& spec, const std::string& session, const std::optional<std::string>& room,
                            const std::string& out)
{
    auto db = openMigrated(spec);
    std::string csv = attendanceCsv(session, attendance(*db, existingSession(*db, session), room));
    if (out.empty()) {
        std::cout << csv;
        return 0;
    }
    std::ofstream file(out, std::ios::binary | std::ios::trunc);
    file << csv;
    if (!file.flush()) throw std::runtime_error("cannot write " + out);
    return 0;
}

int deleteSessionCommand(const std::string& spec, const std::string& session)
{
    auto db = openMigrated(spec);
    if (!deleteSession(*db, session)) throw std::runtime_error("no exam session named \"" + session + "\" in this database");
    std::cout << "session \"" << session << "\" deleted with its roster and its door checks\n";
    return 0;
}

void importDemoRoster(Database& db, const std::string& session, const std::string& file)
{
    if (!listSessions(db).empty()) return;
    RosterParse parsed = parseRosterCsv(readSmallFile(file, maxRosterBytes));
    ImportCounts counts = importRoster(db, sessionIdFor(db, session), parsed.rows);
    logLine("exam-hall", "demo roster imported: " + std::to_string(counts.added) + " candidates");
}

} // namespace cccd::samples::exam
