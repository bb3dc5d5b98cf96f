#include "common/database.hpp"

#include "common/database_backends.hpp"

#include <algorithm>

namespace cccd::samples {

DbRow::DbRow(std::shared_ptr<const std::vector<std::string>> names, std::vector<DbValue> values)
    : names_(std::move(names)), values_(std::move(values))
{
}

const DbValue& DbRow::at(const std::string& column) const
{
    auto it = std::find(names_->begin(), names_->end(), column);
    if (it == names_->end()) throw DatabaseError("the query has no column " + column);
    return values_[static_cast<std::size_t>(it - names_->begin())];
}

std::string DbRow::text(const std::string& column) const
{
    return at(column).value_or("");
}

long long DbRow::integer(const std::string& column) const
{
    const DbValue& v = at(column);
    return v ? std::stoll(*v) : 0;
}

std::vector<DbRow> Database::query(const std::string& sql, const DbParams& params)
{
    std::lock_guard<std::recursive_mutex> lock(mutex_);
    return runQuery(sql, params);
}

void Database::execute(const std::string& script)
{
    std::lock_guard<std::recursive_mutex> lock(mutex_);
    runScript(script);
}

void Database::transaction(const std::function<void()>& work)
{
    std::lock_guard<std::recursive_mutex> lock(mutex_);
    if (transactionDepth_ > 0) { // nested: part of the outer one
        work();
        return;
    }
    runScript(beginStatement());
    ++transactionDepth_;
    try {
        work();
        runScript("COMMIT");
        --transactionDepth_;
    } catch (...) {
        --transactionDepth_;
        try {
            runScript("ROLLBACK");
        } catch (const DatabaseError&) { // the connection is gone: the server rolls back on its own
        }
        throw;
    }
}

std::unique_ptr<Database> openDatabase(const std::string& spec)
{
    if (spec.rfind("postgresql://", 0) == 0 || spec.rfind("postgres://", 0) == 0) return openPostgres(spec);
    return openSqlite(spec);
}

} // namespace cccd::samples
