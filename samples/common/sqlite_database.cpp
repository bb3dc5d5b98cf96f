// SQLite: a file next to the sample, WAL mode so the page's reads do not wait for a write.
#include "common/database_backends.hpp"

#include <sqlite3.h>

namespace cccd::samples {
namespace {

class SqliteDatabase : public Database {
public:
    explicit SqliteDatabase(const std::string& path) : path_(path)
    {
        if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX, nullptr) != SQLITE_OK) {
            std::string message = db_ ? sqlite3_errmsg(db_) : "out of memory";
            sqlite3_close(db_);
            throw DatabaseError("cannot open the SQLite database " + path + ": " + message);
        }
        sqlite3_busy_timeout(db_, 5000); // another process (a second counter on this PC) holds the write lock
        runScript("PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON;");
    }
    ~SqliteDatabase() override { sqlite3_close(db_); }

    DbDialect dialect() const override { return DbDialect::Sqlite; }
    std::string describe() const override { return "sqlite " + path_; }

protected:
    std::vector<DbRow> runQuery(const std::string& sql, const DbParams& params) override
    {
        sqlite3_stmt* stmt = nullptr;
        if (sqlite3_prepare_v2(db_, sql.c_str(), static_cast<int>(sql.size()), &stmt, nullptr) != SQLITE_OK) fail("prepare");
        Statement guard{stmt};
        for (std::size_t i = 0; i < params.size(); ++i) {
            int index = static_cast<int>(i + 1);
            int rc = params[i] ? sqlite3_bind_text(stmt, index, params[i]->data(), static_cast<int>(params[i]->size()), SQLITE_TRANSIENT)
                               : sqlite3_bind_null(stmt, index);
            if (rc != SQLITE_OK) fail("bind");
        }
        auto names = std::make_shared<std::vector<std::string>>();
        for (int c = 0; c < sqlite3_column_count(stmt); ++c) names->push_back(sqlite3_column_name(stmt, c));
        std::vector<DbRow> rows;
        for (;;) {
            int rc = sqlite3_step(stmt);
            if (rc == SQLITE_DONE) break;
            if (rc != SQLITE_ROW) fail("step");
            std::vector<DbValue> values;
            for (int c = 0; c < static_cast<int>(names->size()); ++c) {
                const unsigned char* text = sqlite3_column_text(stmt, c);
                values.push_back(text ? DbValue(std::string(reinterpret_cast<const char*>(text), static_cast<std::size_t>(sqlite3_column_bytes(stmt, c))))
                                      : std::nullopt);
            }
            rows.emplace_back(names, std::move(values));
        }
        return rows;
    }

    void runScript(const std::string& script) override
    {
        char* error = nullptr;
        if (sqlite3_exec(db_, script.c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
            std::string message = error ? error : "unknown error";
            sqlite3_free(error);
            throw DatabaseError("SQLite: " + message);
        }
    }

    const char* beginStatement() const override { return "BEGIN IMMEDIATE"; }

private:
    struct Statement {
        sqlite3_stmt* stmt;
        ~Statement() { sqlite3_finalize(stmt); }
    };
    [[noreturn]] void fail(const char* step) { throw DatabaseError(std::string("SQLite ") + step + ": " + sqlite3_errmsg(db_)); }

    std::string path_;
    sqlite3* db_ = nullptr;
};

} // namespace

std::unique_ptr<Database> openSqlite(const std::string& path)
{
    return std::make_unique<SqliteDatabase>(path);
}

} // namespace cccd::samples
