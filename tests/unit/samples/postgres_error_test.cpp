// What the samples log when PostgreSQL refuses a statement: the server's DETAIL line repeats the row's values
// ("Key (id_number)=(001090123456) already exists"), and the sample servers log a DatabaseError's text word for
// word, so that text must carry the SQLSTATE and the schema names only. Against a real, throwaway server; and SQLite.
#include "common/database.hpp"
#include "common/migrations.hpp"
#include "temp_postgres.hpp"
#include "temp_sqlite.hpp"

#include <catch2/catch.hpp>

using namespace cccd::samples;

namespace {
const std::string idNumber = "001090123456";
const std::string fullName = "Nguyễn Văn An";
const std::vector<Migration> patients = {{1, "CREATE TABLE patients (id {{id}}, id_number TEXT NOT NULL UNIQUE, name TEXT NOT NULL)"}};
const std::string insert = "INSERT INTO patients (id_number, name) VALUES (?, ?)";

// The message of the DatabaseError the statement throws ("" if it does not throw one).
std::string failure(Database& db, const std::string& sql, const DbParams& params)
{
    try {
        db.query(sql, params);
    } catch (const DatabaseError& e) {
        return e.what();
    }
    return "";
}
} // namespace

TEST_CASE("PostgreSQL: a refused statement's error names its SQLSTATE and constraint, never the row's values")
{
    test::TempPostgres server;
    auto db = openDatabase(server.uri());
    REQUIRE(migrate(*db, "test", patients) == 1);
    db->query(insert, {idNumber, fullName});

    std::string duplicate = failure(*db, insert, {idNumber, fullName}); // the server's DETAIL: Key (id_number)=(001090123456)
    CHECK(duplicate == "PostgreSQL error 23505 (unique violation) on constraint patients_id_number_key, table patients");

    std::string notNull = failure(*db, insert, {idNumber, std::nullopt}); // DETAIL: Failing row contains (2, 001090123456, null)
    CHECK(notNull == "PostgreSQL error 23502 (not-null violation) on table patients, column name");

    std::string badNumber = failure(*db, "SELECT CAST(? AS BIGINT) AS n", {fullName}); // the primary message quotes the value
    CHECK(badNumber == "PostgreSQL error 22P02 (data exception)");

    for (const std::string& message : {duplicate, notNull, badNumber}) {
        CHECK(message.find(idNumber) == std::string::npos);
        CHECK(message.find(fullName) == std::string::npos);
    }
}

TEST_CASE("SQLite: a refused statement's error names the constraint, never the row's values")
{
    test::TempSqliteFile file{"sqlite-error"};
    auto db = openDatabase(file.spec());
    migrate(*db, "test", patients);
    db->query(insert, {idNumber, fullName});
    CHECK(failure(*db, insert, {idNumber, fullName}) == "SQLite step: UNIQUE constraint failed: patients.id_number");
    CHECK(failure(*db, insert, {idNumber, std::nullopt}) == "SQLite step: NOT NULL constraint failed: patients.name");
}
