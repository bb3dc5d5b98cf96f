// The bank counter's audit log on SQLite: the chain of hashes, the triggers that refuse UPDATE and DELETE, and
// verify-log's findings when someone with the database's admin rights edits, deletes or reorders checks anyway.
// The same on PostgreSQL runs in tests/e2e/samples/bank-counter.test.mjs against a throwaway server.
#include "bank-counter/kyc/audit_log.hpp"
#include "bank-counter/kyc/digest.hpp"
#include "bank-counter/kyc/id_lookup_key.hpp"
#include "bank-counter/kyc/kyc_schema.hpp"
#include "common/migrations.hpp"
#include "temp_sqlite.hpp"

#include <catch2/catch.hpp>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <set>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

using namespace cccd::samples;
using namespace cccd::samples::bank;

namespace {

std::filesystem::path tempPath(const std::string& name)
{
    static std::atomic<int> counter{0};
    return std::filesystem::temp_directory_path() / ("cccd-bank-" + std::to_string(getpid()) + "-" + std::to_string(counter++) + "-" + name);
}

struct TempLog {
    test::TempSqliteFile file{"bank-log"};
    std::unique_ptr<Database> db;
    TempLog()
    {
        db = openDatabase(file.spec());
        migrate(*db, "bank-counter", kycMigrations(db->dialect()));
    }
    // What an administrator can do: the triggers are only a guard rail.
    void dropGuards() { db->execute("DROP TRIGGER kyc_checks_no_update; DROP TRIGGER kyc_checks_no_delete; DROP TRIGGER kyc_chain_head_forward;"); }
};

void appendChecks(AuditLog& log, int count);

// A log of `count` checks whose guards an administrator dropped: what the chain must catch on its own.
struct TamperedLog : TempLog {
    AuditLog log{*db};
    explicit TamperedLog(int count)
    {
        appendChecks(log, count);
        dropGuards();
    }
};

NewCheck sampleCheck(const std::string& decision = "APPROVED")
{
    NewCheck c;
    c.counterId = "HN-03";
    c.idHash = IdLookupKey(std::string(64, 'a')).hashOf("001090123456");
    c.idMasked = "0010******56";
    c.fullName = "Nguyễn Văn An";
    c.cardVerdict = "VALID";
    c.faceSource = std::string("agent_camera");
    c.faceScore = std::string("0.7312");
    c.faceThreshold = std::string("0.3630");
    c.liveness = std::string("live");
    c.livenessScore = std::string("0.9900");
    c.decision = decision;
    c.reasons = "card_valid,face_match,live";
    return c;
}

void appendChecks(AuditLog& log, int count)
{
    for (int i = 0; i < count; ++i) log.append(sampleCheck(i % 2 ? "REFER" : "APPROVED"), "2026-11-30T01:00:0" + std::to_string(i) + "Z");
}

} // namespace

TEST_CASE("bank-counter: each check links to the one before it and the whole log verifies")
{
    TempLog t;
    AuditLog log(*t.db);
    CHECK(verifyChain(*t.db).intact);
    CHECK(verifyChain(*t.db).headHash == genesisHash);
    DbRow first = log.append(sampleCheck(), "2026-11-30T01:00:00Z");
    DbRow second = log.append(sampleCheck("REJECTED"), "2026-11-30T01:00:05Z");
    CHECK(first.integer("sequence") == 1);
    CHECK(first.text("prev_hash") == genesisHash);
    CHECK(second.integer("sequence") == 2);
    CHECK(second.text("prev_hash") == first.text("row_hash"));
    CHECK(rowHash(second) == second.text("row_hash"));
    CHECK(second.text("full_name") == "Nguyễn Văn An");
    ChainReport report = verifyChain(*t.db);
    CHECK(report.intact);
    CHECK(report.checks == 2);
    CHECK(report.headHash == second.text("row_hash"));
    CHECK(log.recent(10).at(0).integer("sequence") == 2);
    CHECK(log.ofIdHash(sampleCheck().idHash, 10).size() == 2);
    CHECK(log.ofIdHash(std::string(64, 'b'), 10).empty());
}

TEST_CASE("bank-counter: a row's hash is SHA-256 of its columns as sorted, compact, ASCII JSON (auditors recompute it)")
{
    std::vector<DbValue> values = {std::string("7"), std::string("2026-11-30T01:00:00Z"), std::string("HN-03"), std::string("ab"), std::string("0010******56"),
                                   std::string("Ngọc"), std::string("VALID"), std::string("0"), std::nullopt, std::nullopt, std::nullopt, std::nullopt,
                                   std::nullopt, std::string("REFER"), std::string("face_not_checked"), genesisHash};
    std::string canonical = R"({"card_expired":"0","card_verdict":"VALID","checked_at":"2026-11-30T01:00:00Z","counter_id":"HN-03",)"
                            R"("decision":"REFER","face_score":null,"face_source":null,"face_threshold":null,"full_name":"Ng\u1ecdc",)"
                            R"("id_hash":"ab","id_masked":"0010******56","liveness":null,"liveness_score":null,"prev_hash":")" +
                            genesisHash + R"(","reasons":"face_not_checked","sequence":"7"})";
    CHECK(rowHash(values) == sha256Hex(canonical));
    CHECK(sha256Hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"); // FIPS 180-2 test vector
}

TEST_CASE("bank-counter: the database itself refuses to change or delete a logged check")
{
    TempLog t;
    AuditLog log(*t.db);
    appendChecks(log, 2);
    CHECK_THROWS_AS(t.db->query("UPDATE kyc_checks SET decision = 'APPROVED' WHERE sequence = 2"), DatabaseError);
    CHECK_THROWS_AS(t.db->query("DELETE FROM kyc_checks WHERE sequence = 1"), DatabaseError);
    CHECK_THROWS_AS(t.db->query("UPDATE kyc_chain_head SET last_sequence = 1"), DatabaseError);
    CHECK_THROWS_AS(t.db->query("DELETE FROM kyc_chain_head"), DatabaseError);
    CHECK(t.db->query("SELECT COUNT(*) AS n FROM kyc_checks")[0].integer("n") == 2);
    CHECK(verifyChain(*t.db).intact);
}

TEST_CASE("bank-counter: verify-log finds an edited row")
{
    TamperedLog t(4);
    t.db->query("UPDATE kyc_checks SET decision = 'APPROVED' WHERE sequence = 2");
    ChainReport report = verifyChain(*t.db);
    CHECK_FALSE(report.intact);
    CHECK(report.brokenAt == 2);
    CHECK(report.problem == "check #2 was edited: its content no longer matches its hash");
}

TEST_CASE("bank-counter: verify-log finds a row edited and re-hashed by someone who knows the algorithm")
{
    TamperedLog t(4);
    t.db->query("UPDATE kyc_checks SET decision = 'APPROVED' WHERE sequence = 2");
    DbRow edited = *t.log.find(2);
    t.db->query("UPDATE kyc_checks SET row_hash = ? WHERE sequence = 2", {rowHash(edited)});
    ChainReport report = verifyChain(*t.db);
    CHECK(report.brokenAt == 3);
    CHECK(report.problem == "check #3 does not follow check #2: check #2 was replaced (edited and its hash recomputed)");
}

TEST_CASE("bank-counter: verify-log finds a deleted row, in the middle and at the end")
{
    TamperedLog t(5);
    SECTION("in the middle")
    {
        t.db->query("DELETE FROM kyc_checks WHERE sequence = 3");
        ChainReport report = verifyChain(*t.db);
        CHECK(report.brokenAt == 3);
        CHECK(report.problem == "check #3 is missing: it was deleted");
        CHECK(report.checks == 4);
    }
    SECTION("two in the middle")
    {
        t.db->query("DELETE FROM kyc_checks WHERE sequence IN (2, 3)");
        CHECK(verifyChain(*t.db).problem == "checks #2 to #3 are missing: they were deleted");
    }
    SECTION("the last one: the chain's head remembers it")
    {
        t.db->query("DELETE FROM kyc_checks WHERE sequence = 5");
        ChainReport report = verifyChain(*t.db);
        CHECK(report.brokenAt == 5);
        CHECK(report.problem == "check #5, the last one, is missing: it was deleted");
    }
    SECTION("a row added behind the server's back")
    {
        DbRow last = *t.log.find(5);
        std::vector<DbValue> values;
        for (const std::string& column : chainedColumns()) values.push_back(last.at(column));
        values[0] = std::string("6");
        values.back() = last.text("row_hash");
        DbParams params = values;
        params.push_back(rowHash(values));
        std::string columns;
        for (const std::string& column : chainedColumns()) columns += column + ", ";
        t.db->query("INSERT INTO kyc_checks (" + columns + "row_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", params);
        ChainReport report = verifyChain(*t.db);
        CHECK(report.brokenAt == 6);
        CHECK(report.problem == "check #6 lies beyond the chain's head (#5): it was not written by the server");
    }
}

TEST_CASE("bank-counter: verify-log finds reordered rows")
{
    TamperedLog t(4);
    t.db->execute("UPDATE kyc_checks SET sequence = -1 WHERE sequence = 2; UPDATE kyc_checks SET sequence = 2 WHERE sequence = 3; "
                  "UPDATE kyc_checks SET sequence = 3 WHERE sequence = -1;");
    ChainReport report = verifyChain(*t.db);
    CHECK(report.brokenAt == 2);
    CHECK(report.problem == "check #2 holds the entry written as check #3: the rows were reordered");
}

TEST_CASE("bank-counter: two counters appending at once on one SQLite file form one chain, never a fork")
{
    TempLog t;
    constexpr int counters = 4;
    constexpr int perCounter = 15;
    std::vector<std::thread> threads;
    std::atomic<int> failures{0};
    for (int c = 0; c < counters; ++c) {
        threads.emplace_back([&, c] {
            try {
                auto db = openDatabase(t.file.spec()); // its own connection, like another server process
                AuditLog log(*db);
                for (int i = 0; i < perCounter; ++i) {
                    NewCheck check = sampleCheck();
                    check.counterId = "counter-" + std::to_string(c);
                    log.append(check, "2026-11-30T01:00:00Z");
                }
            } catch (const std::exception&) {
                ++failures;
            }
        });
    }
    for (auto& thread : threads) thread.join();
    CHECK(failures == 0);
    ChainReport report = verifyChain(*t.db);
    CHECK(report.intact);
    CHECK(report.checks == counters * perCounter);
    auto rows = t.db->query("SELECT COUNT(DISTINCT prev_hash) AS links, MAX(sequence) AS last FROM kyc_checks");
    CHECK(rows[0].integer("links") == counters * perCounter); // no two checks share a predecessor
    CHECK(rows[0].integer("last") == counters * perCounter);
}

TEST_CASE("bank-counter: the ID lookup secret is made once with mode 0600 and refused when others may read it")
{
    std::filesystem::path path = tempPath("secret");
    IdLookupKey made = IdLookupKey::loadOrCreate(path.string());
    struct stat info{};
    REQUIRE(::stat(path.c_str(), &info) == 0);
    CHECK((info.st_mode & 0777) == 0600);
    IdLookupKey again = IdLookupKey::loadOrCreate(path.string());
    CHECK(again.hashOf("001090123456") == made.hashOf("001090123456"));
    CHECK(made.hashOf("001090123456") != made.hashOf("001090123457"));
    CHECK(made.hashOf("001090123456") != IdLookupKey(std::string(64, 'a')).hashOf("001090123456"));
    CHECK(made.hashOf("001090123456") != sha256Hex("001090123456"));
    ::chmod(path.c_str(), 0644);
    CHECK_THROWS_WITH(IdLookupKey::loadOrCreate(path.string()), Catch::Contains("chmod 600"));
    ::chmod(path.c_str(), 0600);
    std::ofstream(path) << "short\n";
    CHECK_THROWS_WITH(IdLookupKey::loadOrCreate(path.string()), Catch::Contains("too short"));
    std::filesystem::remove(path);
}
