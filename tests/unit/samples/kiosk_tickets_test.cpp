// The kiosk server's rules: queue numbers per day (1, 2, ... restarting each day, never shared between kiosks on
// one database), failures tallied without a number, and outcome words checked. SQLite here; the e2e test runs the
// same flow on PostgreSQL.
#include "common/database.hpp"
#include "common/migrations.hpp"
#include "kiosk/rules/kiosk_schema.hpp"
#include "kiosk/rules/session_outcome.hpp"
#include "kiosk/rules/ticket_book.hpp"
#include "temp_sqlite.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <set>
#include <thread>
#include <unistd.h>

using namespace cccd::samples;
using namespace cccd::samples::kiosk;

namespace {
struct KioskDb {
    test::TempSqliteFile file{"kiosk"};
    std::unique_ptr<Database> db = open();
    std::unique_ptr<Database> open()
    {
        auto opened = openDatabase(file.spec());
        migrate(*opened, "kiosk", kioskMigrations());
        return opened;
    }
};

const std::string day1 = "2026-11-30";
const std::string day2 = "2026-12-01";
} // namespace

TEST_CASE("Kiosk: verified citizens get tickets 1, 2, 3 of the day, people sent to the help desk get none and use no number")
{
    KioskDb k;
    TicketBook book(*k.db);
    SessionRecord first = book.finish(Outcome::Verified, day1, "2026-11-30T01:00:00Z");
    SessionRecord mismatch = book.finish(Outcome::FaceMismatch, day1, "2026-11-30T01:01:00Z");
    SessionRecord second = book.finish(Outcome::Verified, day1, "2026-11-30T01:02:00Z");
    SessionRecord invalid = book.finish(Outcome::CardInvalid, day1, "2026-11-30T01:03:00Z");
    SessionRecord third = book.finish(Outcome::Verified, day1, "2026-11-30T01:04:00Z");
    CHECK(first.ticketNumber == 1);
    CHECK(second.ticketNumber == 2);
    CHECK(third.ticketNumber == 3);
    CHECK_FALSE(mismatch.ticketNumber.has_value());
    CHECK_FALSE(invalid.ticketNumber.has_value());

    auto rows = k.db->query("SELECT day, ticket_number, finished_at, outcome FROM kiosk_sessions ORDER BY id");
    REQUIRE(rows.size() == 5);
    CHECK(rows[0].text("outcome") == "verified");
    CHECK(rows[0].integer("ticket_number") == 1);
    CHECK(rows[1].text("outcome") == "face_mismatch");
    CHECK_FALSE(rows[1].at("ticket_number").has_value());
    CHECK(rows[4].text("finished_at") == "2026-11-30T01:04:00Z");
}

TEST_CASE("Kiosk: the numbers restart at 1 on a new day, and the day before keeps its own")
{
    KioskDb k;
    TicketBook book(*k.db);
    book.finish(Outcome::Verified, day1, "2026-11-30T09:00:00Z");
    book.finish(Outcome::Verified, day1, "2026-11-30T09:05:00Z");
    CHECK(book.finish(Outcome::Verified, day2, "2026-12-01T01:00:00Z").ticketNumber == 1);
    CHECK(book.finish(Outcome::Verified, day1, "2026-11-30T23:59:00Z").ticketNumber == 3); // a late report of the day before
    CHECK(book.finish(Outcome::Verified, day2, "2026-12-01T01:01:00Z").ticketNumber == 2);
}

TEST_CASE("Kiosk: two kiosks on one database, tapping at the same moment, never get the same number")
{
    KioskDb k;
    auto second = k.open(); // another kiosk: its own connection to the same database
    TicketBook kioskA(*k.db), kioskB(*second);
    std::vector<long long> numbersA, numbersB;
    auto run = [](TicketBook& book, std::vector<long long>& numbers) {
        for (int i = 0; i < 20; ++i) numbers.push_back(*book.finish(Outcome::Verified, day1, "2026-11-30T01:00:00Z").ticketNumber);
    };
    std::thread a([&] { run(kioskA, numbersA); });
    std::thread b([&] { run(kioskB, numbersB); });
    a.join();
    b.join();
    std::set<long long> all(numbersA.begin(), numbersA.end());
    all.insert(numbersB.begin(), numbersB.end());
    CHECK(all.size() == 40);
    CHECK(*all.begin() == 1);
    CHECK(*all.rbegin() == 40);
}

TEST_CASE("Kiosk: the day's tally counts tickets and each outcome, zero for the others")
{
    KioskDb k;
    TicketBook book(*k.db);
    book.finish(Outcome::Verified, day1, "2026-11-30T01:00:00Z");
    book.finish(Outcome::Verified, day1, "2026-11-30T01:01:00Z");
    book.finish(Outcome::NotLive, day1, "2026-11-30T01:02:00Z");
    book.finish(Outcome::Verified, day2, "2026-12-01T01:00:00Z");
    DayTally tally = book.tally(day1);
    CHECK(tally.tickets == 2);
    CHECK(tally.outcomes.at("verified") == 2);
    CHECK(tally.outcomes.at("not_live") == 1);
    CHECK(tally.outcomes.at("face_mismatch") == 0);
    CHECK(tally.outcomes.size() == allOutcomes().size());
    CHECK(book.tally("2026-12-02").tickets == 0);
}

TEST_CASE("Kiosk: outcome words round-trip, unknown words are refused, only 'verified' issues a ticket")
{
    for (Outcome outcome : allOutcomes()) {
        CHECK(parseOutcome(outcomeName(outcome)) == outcome);
        CHECK(issuesTicket(outcome) == (outcome == Outcome::Verified));
    }
    CHECK_FALSE(parseOutcome("Verified").has_value());
    CHECK_FALSE(parseOutcome("001090123456").has_value());
    CHECK_FALSE(parseOutcome("").has_value());
}

TEST_CASE("Kiosk: the printed number has the prefix and at least three digits")
{
    CHECK(ticketLabel("A", 1) == "A001");
    CHECK(ticketLabel("A", 42) == "A042");
    CHECK(ticketLabel("B", 999) == "B999");
    CHECK(ticketLabel("", 1234) == "1234");
}
