#include "common/postgres_error.hpp"

#include <libpq-fe.h>

#include <map>

namespace cccd::samples {
namespace {

// The conditions the samples meet, then the classes (the SQLSTATE's first two characters) of PostgreSQL's appendix A.
const std::map<std::string, std::string> conditions = {
    {"23502", "not-null violation"}, {"23503", "foreign key violation"}, {"23505", "unique violation"},
    {"23514", "check violation"},    {"40001", "serialization failure"}, {"40P01", "deadlock detected"},
    {"57014", "query canceled"},     {"57P01", "server shutting down"},
};
const std::map<std::string, std::string> classes = {
    {"08", "connection exception"}, {"22", "data exception"},
    {"23", "integrity constraint violation"}, {"25", "invalid transaction state"},
    {"28", "invalid authorization"}, {"40", "transaction rollback"},
    {"42", "syntax error or access rule violation"}, {"53", "insufficient resources"},
    {"54", "program limit exceeded"}, {"55", "object not in prerequisite state"},
    {"57", "operator intervention"}, {"58", "system error"}, {"XX", "internal error"},
};

std::string conditionName(const std::string& sqlstate)
{
    if (auto it = conditions.find(sqlstate); it != conditions.end()) return it->second;
    if (auto it = classes.find(sqlstate.substr(0, 2)); it != classes.end()) return it->second;
    return "unknown class";
}

} // namespace

std::string postgresErrorSummary(const pg_result* result)
{
    auto field = [result](int code) {
        const char* value = result ? PQresultErrorField(result, code) : nullptr;
        return std::string(value ? value : "");
    };
    std::string sqlstate = field(PG_DIAG_SQLSTATE);
    // No SQLSTATE: libpq's own error (the connection dropped, out of memory), whose words hold no data.
    if (sqlstate.empty()) return std::string("PostgreSQL: ") + (result ? PQresultErrorMessage(result) : "no result");
    std::string out = "PostgreSQL error " + sqlstate + " (" + conditionName(sqlstate) + ")";
    const char* separator = " on ";
    for (auto [code, what] : {std::pair{PG_DIAG_CONSTRAINT_NAME, "constraint"}, {PG_DIAG_TABLE_NAME, "table"}, {PG_DIAG_COLUMN_NAME, "column"}}) {
        std::string name = field(code);
        if (name.empty()) continue;
        out += separator + std::string(what) + " " + name;
        separator = ", ";
    }
    return out;
}

} // namespace cccd::samples
