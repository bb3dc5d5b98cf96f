// Shared by the hospital desk's unit tests: a migrated SQLite file in /tmp, and an insurance gateway stand-in.
#pragma once

#include "common/database.hpp"
#include "common/migrations.hpp"
#include "rules/insurance.hpp"
#include "rules/schema.hpp"
#include "temp_sqlite.hpp"

#include <atomic>
#include <filesystem>
#include <memory>
#include <string>
#include <unistd.h>

namespace hospital_test {

/** A fresh, migrated SQLite database file, removed afterwards. */
struct HospitalDb {
    cccd::samples::test::TempSqliteFile file;
    std::unique_ptr<cccd::samples::Database> db;

    explicit HospitalDb(const std::string& tag) : file("hospital-" + tag)
    {
        db = cccd::samples::openDatabase(file.spec());
        cccd::samples::migrate(*db, cccd::samples::hospital::appName, cccd::samples::hospital::migrations());
    }
    long long count(const std::string& table) { return db->query("SELECT COUNT(*) AS n FROM " + table)[0].integer("n"); }
    /** The id of a seeded department by its code (NOI, NHI, NGOAI, RHM). */
    long long department(const std::string& code)
    {
        return db->query("SELECT id FROM departments WHERE code = ?", {code}).at(0).integer("id");
    }

};

/** Answers what it is told to, or fails like a gateway that timed out; counts the lookups. */
class FakeInsurance : public cccd::samples::hospital::InsuranceLookup {
public:
    cccd::samples::hospital::InsuranceAnswer answer{cccd::samples::hospital::InsuranceStatus::NotFound, "", std::nullopt, "", ""};
    std::string failWith; ///< "timeout", "unreachable", "error" or "" (answer)
    std::atomic<int> calls{0};

    cccd::samples::hospital::InsuranceAnswer lookup(const std::string&) override
    {
        ++calls;
        if (!failWith.empty()) throw cccd::samples::hospital::InsuranceUnavailable(failWith, "simulated " + failWith);
        return answer;
    }
};

} // namespace hospital_test
