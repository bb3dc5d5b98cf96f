// The exam hall's storage on SQLite (the e2e tests run it on PostgreSQL too): roster import and re-import, the
// decision recorded, the same card twice, one admission per card even when two doors race, the overview, the export.
#include "common/database.hpp"
#include "exam-hall/rules/attendance_csv.hpp"
#include "exam-hall/rules/door_check.hpp"
#include "exam-hall/rules/roster_store.hpp"
#include "exam-hall/rules/schema.hpp"
#include "temp_sqlite.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <unistd.h>

using namespace cccd::samples;
using namespace cccd::samples::exam;

namespace {

struct ExamDb {
    test::TempSqliteFile file{"exam-hall"};
    std::unique_ptr<Database> db;
    long long session = 0;
    ExamDb()
    {
        db = openDatabase(file.spec());
        migrateExamHall(*db);
        session = sessionIdFor(*db, "Toán - sáng 27/06");
        importRoster(*db, session,
                     {{2, "001090123456", "Nguyễn Văn An", "P.101", "07"},
                      {3, "079301000123", "Trần Thị Bích Ngọc", "P.102", "03"},
                      {4, "066158004321", "H'Hen Niê", "P.101", "12"}});
    }
    DoorRequest at(const std::string& room, const std::string& id) const
    {
        DoorRequest r;
        r.sessionId = session;
        r.room = room;
        r.idNumber = id;
        r.cardVerdict = "VALID";
        r.face.compared = true;
        r.face.match = true;
        r.face.score = 0.8;
        r.face.live = true;
        r.seconds = 2.0;
        r.via = "scanner";
        return r;
    }
};

} // namespace

TEST_CASE("exam-hall storage: re-importing a roster updates changed rows, adds new ones and keeps the rest")
{
    ExamDb t;
    ImportCounts counts = importRoster(*t.db, t.session,
                                       {{2, "001090123456", "Nguyễn Văn An", "P.103", "01"},      // moved
                                        {3, "079301000123", "Trần Thị Bích Ngọc", "P.102", "03"}, // same
                                        {4, "024204003277", "Ngô Gia Huy", "P.101", "08"}});       // new
    CHECK(counts.added == 1);
    CHECK(counts.updated == 1);
    CHECK(counts.unchanged == 1);
    auto moved = findCandidate(*t.db, t.session, "001090123456");
    REQUIRE(moved);
    CHECK(moved->room == "P.103");
    CHECK(moved->seat == "01");
    CHECK(findCandidate(*t.db, t.session, "066158004321")); // not in the new file: kept
    CHECK(sessionIdFor(*t.db, "Toán - sáng 27/06") == t.session);
    CHECK(listSessions(*t.db).at(0).candidates == 4);
}

TEST_CASE("exam-hall storage: ADMIT with the seat, then the same card again is referred as already admitted")
{
    ExamDb t;
    DoorOutcome first = checkAtDoor(*t.db, t.at("P.101", "001090123456"));
    CHECK(first.record.decision == "ADMIT");
    CHECK(first.record.seat == "07");
    CHECK(first.record.fullName == "Nguyễn Văn An");
    DoorOutcome again = checkAtDoor(*t.db, t.at("P.101", "001090123456"));
    CHECK(again.record.decision == "REFER");
    REQUIRE(again.decision.reasons.size() == 1);
    CHECK(again.decision.reasons[0].code == "already_admitted");
    CHECK(again.decision.reasons[0].room == "P.101");
    CHECK(again.decision.reasons[0].at == first.record.checkedAt);
    auto rows = t.db->query("SELECT decision, seat, face_score, seconds, key_via FROM door_checks ORDER BY id");
    REQUIRE(rows.size() == 2);
    CHECK(rows[0].text("decision") == "ADMIT");
    CHECK(std::stod(rows[0].text("face_score")) == Approx(0.8));
    CHECK(rows[0].text("key_via") == "scanner");
}

TEST_CASE("exam-hall storage: another room's candidate and a stranger are referred and recorded without a seat")
{
    ExamDb t;
    DoorOutcome other = checkAtDoor(*t.db, t.at("P.101", "079301000123"));
    CHECK(other.record.decision == "REFER");
    CHECK(other.record.seat.empty());
    REQUIRE(other.decision.reasons.size() == 1);
    CHECK(other.decision.reasons[0].room == "P.102");
    DoorOutcome stranger = checkAtDoor(*t.db, t.at("P.101", "048204005621"));
    CHECK(stranger.decision.reasons.at(0).code == "not_on_roster");
    CHECK_FALSE(stranger.candidate);
    CHECK(t.db->query("SELECT COUNT(*) AS n FROM door_checks WHERE decision = 'REFER' AND seat IS NULL").at(0).integer("n") == 2);
}

TEST_CASE("exam-hall storage: the database itself refuses a second ADMIT of one card (two doors at the same moment)")
{
    ExamDb t;
    CheckRecord admit;
    admit.sessionId = t.session;
    admit.room = "P.101";
    admit.idNumber = "001090123456";
    admit.decision = "ADMIT";
    admit.reasons = "[]";
    admit.cardVerdict = "VALID";
    insertCheck(*t.db, admit);
    CHECK_THROWS_AS(insertCheck(*t.db, admit), DatabaseError);
    admit.decision = "REFER";
    CHECK_NOTHROW(insertCheck(*t.db, admit));
}

TEST_CASE("exam-hall storage: the room's overview counts admitted, expected, referred and the median time")
{
    ExamDb t;
    DoorRequest an = t.at("P.101", "001090123456");
    an.seconds = 1.5;
    checkAtDoor(*t.db, an);
    DoorRequest stranger = t.at("P.101", "048204005621");
    stranger.seconds = 4.0;
    checkAtDoor(*t.db, stranger);
    DoorRequest hen = t.at("P.101", "066158004321");
    hen.seconds = 2.5;
    checkAtDoor(*t.db, hen);
    RoomOverview o = roomOverview(*t.db, t.session, "P.101", 2);
    CHECK(o.expected == 2);
    CHECK(o.admitted == 2);
    CHECK(o.referred == 1);
    CHECK(o.timedChecks == 3);
    REQUIRE(o.medianSeconds);
    CHECK(*o.medianSeconds == Approx(2.5));
    REQUIRE(o.recent.size() == 2);
    CHECK(o.recent[0].idNumber == "066158004321"); // newest first
    CHECK(median({}) == std::nullopt);
    CHECK(*median({4, 1, 3, 2}) == Approx(2.5));
}

TEST_CASE("exam-hall storage: each candidate of a room is admitted, referred or not yet seen")
{
    ExamDb t;
    checkAtDoor(*t.db, t.at("P.101", "001090123456"));
    DoorRequest refused = t.at("P.101", "066158004321");
    refused.face.match = false;
    checkAtDoor(*t.db, refused);
    auto arrivals = arrivalsOfRoom(*t.db, t.session, "P.101");
    REQUIRE(arrivals.size() == 2);
    CHECK(arrivals[0] == std::pair<std::string, Arrival>{"001090123456", Arrival::Admitted});
    CHECK(arrivals[1] == std::pair<std::string, Arrival>{"066158004321", Arrival::Referred});
    checkAtDoor(*t.db, t.at("P.101", "066158004321")); // the supervisor sorted it out; checked again
    CHECK(arrivalsOfRoom(*t.db, t.session, "P.101")[1].second == Arrival::Admitted);
}

TEST_CASE("exam-hall export: full ID numbers, the roster's names, reasons with their room, UTF-8 BOM and CRLF")
{
    ExamDb t;
    checkAtDoor(*t.db, t.at("P.101", "001090123456"));
    checkAtDoor(*t.db, t.at("P.101", "079301000123"));
    std::string csv = attendanceCsv("Toán - sáng 27/06", attendance(*t.db, t.session, std::nullopt));
    CHECK(csv.rfind("\xEF\xBB\xBFsession,checked_at,room,seat,id_number,full_name,decision,reasons,card,face_score,seconds,key_via\r\n", 0) == 0);
    CHECK(csv.find(",P.101,07,001090123456,Nguyễn Văn An,ADMIT,,VALID,0.800,2.0,scanner\r\n") != std::string::npos);
    CHECK(csv.find(",P.101,,079301000123,Trần Thị Bích Ngọc,REFER,\"other_room (P.102, seat 03)\",VALID,") != std::string::npos);
    CHECK(attendance(*t.db, t.session, std::string("P.102")).empty());
    CHECK(csvCell("a \"b\"") == "\"a \"\"b\"\"\"");
    CHECK(csvCell("P.101") == "P.101");
}

TEST_CASE("exam-hall storage: deleting a session removes its roster and checks")
{
    ExamDb t;
    checkAtDoor(*t.db, t.at("P.101", "001090123456"));
    CHECK(deleteSession(*t.db, "Toán - sáng 27/06"));
    CHECK_FALSE(deleteSession(*t.db, "Toán - sáng 27/06"));
    CHECK(t.db->query("SELECT COUNT(*) AS n FROM candidates").at(0).integer("n") == 0);
    CHECK(t.db->query("SELECT COUNT(*) AS n FROM door_checks").at(0).integer("n") == 0);
}
