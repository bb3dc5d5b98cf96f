// One database interface for the samples: SQLite (a file next to the sample, the default) or PostgreSQL (one central
// server for many counters). Values travel as text both ways, so the same SQL and code run on both.
#pragma once

#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace cccd::samples {

/** A failed statement or connection; the message names the backend, never the bound values (personal data). */
class DatabaseError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/** A value: text, or NULL. Numbers are written and read as their decimal text. */
using DbValue = std::optional<std::string>;
using DbParams = std::vector<DbValue>;

/** One result row, its columns by name. */
class DbRow {
public:
    DbRow(std::shared_ptr<const std::vector<std::string>> names, std::vector<DbValue> values);
    /** The column's value or NULL; throws DatabaseError for a column the query did not select. */
    const DbValue& at(const std::string& column) const;
    /** The column as text ("" for NULL). */
    std::string text(const std::string& column) const;
    /** The column as an integer (0 for NULL). */
    long long integer(const std::string& column) const;

private:
    std::shared_ptr<const std::vector<std::string>> names_;
    std::vector<DbValue> values_;
};

enum class DbDialect { Sqlite, Postgres };

class Database {
public:
    virtual ~Database() = default;
    /** Runs one statement with `?` placeholders bound to params in order; returns its rows (RETURNING included). */
    std::vector<DbRow> query(const std::string& sql, const DbParams& params = {});
    /** Runs a script of statements without parameters (migrations). */
    void execute(const std::string& script);
    /** Runs work in one transaction: committed when it returns, rolled back when it throws. Other callers wait. */
    void transaction(const std::function<void()>& work);
    virtual DbDialect dialect() const = 0;
    /** For logs: "sqlite FILE" or "postgresql HOST/DB" (never the password). */
    virtual std::string describe() const = 0;

protected:
    virtual std::vector<DbRow> runQuery(const std::string& sql, const DbParams& params) = 0;
    virtual void runScript(const std::string& script) = 0;
    /** The statement that opens a write transaction (SQLite takes its write lock at once, so two counters cannot deadlock). */
    virtual const char* beginStatement() const = 0;
    bool inTransaction() const { return transactionDepth_ > 0; }

private:
    std::recursive_mutex mutex_; // one connection, many HTTP threads
    int transactionDepth_ = 0;
};

/** Opens "postgresql://..." / "postgres://..." (libpq URI) with PostgreSQL, anything else as a SQLite file. */
std::unique_ptr<Database> openDatabase(const std::string& spec);

} // namespace cccd::samples
