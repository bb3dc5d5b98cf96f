// PostgreSQL through libpq: one central database for every counter of a hospital or bank. Text parameters and
// results, `?` placeholders turned into $1, $2, ... so the samples write one SQL for both backends.
#include "common/database_backends.hpp"
#include "common/postgres_error.hpp"

#include <libpq-fe.h>

namespace cccd::samples {
namespace {

// `?` outside quotes becomes $N.
std::string numberedPlaceholders(const std::string& sql)
{
    std::string out;
    int next = 1;
    char quote = 0;
    for (char c : sql) {
        if (quote) {
            if (c == quote) quote = 0;
        } else if (c == '\'' || c == '"') {
            quote = c;
        } else if (c == '?') {
            out += '$' + std::to_string(next++);
            continue;
        }
        out += c;
    }
    return out;
}

class PostgresDatabase : public Database {
public:
    explicit PostgresDatabase(const std::string& uri) : conn_(PQconnectdb(uri.c_str()))
    {
        if (PQstatus(conn_) != CONNECTION_OK) {
            std::string message = PQerrorMessage(conn_);
            PQfinish(conn_);
            throw DatabaseError("cannot connect to PostgreSQL: " + message);
        }
        PQsetNoticeProcessor(conn_, [](void*, const char*) {}, nullptr); // "relation already exists, skipping" and the like
        runScript("SET client_min_messages = warning");
    }
    ~PostgresDatabase() override { PQfinish(conn_); }

    DbDialect dialect() const override { return DbDialect::Postgres; }
    std::string describe() const override
    {
        return std::string("postgresql ") + PQhost(conn_) + ":" + PQport(conn_) + "/" + PQdb(conn_);
    }

protected:
    std::vector<DbRow> runQuery(const std::string& sql, const DbParams& params) override
    {
        reconnectIfLost();
        std::vector<const char*> values;
        for (const DbValue& p : params) values.push_back(p ? p->c_str() : nullptr);
        Result result{PQexecParams(conn_, numberedPlaceholders(sql).c_str(), static_cast<int>(values.size()), nullptr, values.data(), nullptr,
                                   nullptr, 0)};
        check(result.get());
        auto names = std::make_shared<std::vector<std::string>>();
        for (int c = 0; c < PQnfields(result.get()); ++c) names->push_back(PQfname(result.get(), c));
        std::vector<DbRow> rows;
        for (int r = 0; r < PQntuples(result.get()); ++r) {
            std::vector<DbValue> row;
            for (int c = 0; c < PQnfields(result.get()); ++c) {
                row.push_back(PQgetisnull(result.get(), r, c) ? std::nullopt
                                                               : DbValue(std::string(PQgetvalue(result.get(), r, c),
                                                                                     static_cast<std::size_t>(PQgetlength(result.get(), r, c)))));
            }
            rows.emplace_back(names, std::move(row));
        }
        return rows;
    }

    void runScript(const std::string& script) override
    {
        reconnectIfLost();
        Result result{PQexec(conn_, script.c_str())};
        check(result.get());
    }

    const char* beginStatement() const override { return "BEGIN"; }

private:
    struct Result {
        PGresult* r;
        ~Result() { PQclear(r); }
        PGresult* get() const { return r; }
    };

    // The server restarted or the network dropped between requests: connect again rather than fail every counter
    // (never inside a transaction: its first statements are gone with the old connection).
    void reconnectIfLost()
    {
        if (PQstatus(conn_) != CONNECTION_OK && !inTransaction()) PQreset(conn_);
        if (PQstatus(conn_) != CONNECTION_OK) throw DatabaseError(std::string("PostgreSQL connection lost: ") + PQerrorMessage(conn_));
    }

    void check(PGresult* result)
    {
        ExecStatusType status = PQresultStatus(result);
        if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) return;
        // Never the server's words: its DETAIL repeats the row's values (postgres_error.hpp).
        throw DatabaseError(result ? postgresErrorSummary(result) : std::string("PostgreSQL: ") + PQerrorMessage(conn_));
    }

    PGconn* conn_;
};

} // namespace

std::unique_ptr<Database> openPostgres(const std::string& uri)
{
    return std::make_unique<PostgresDatabase>(uri);
}

} // namespace cccd::samples
