// Schema migrations shared by SQLite and PostgreSQL: numbered SQL scripts, each applied once, in order, recorded in
// schema_migrations. Counters starting together against one PostgreSQL server apply them once (an advisory lock).
#pragma once

#include "common/database.hpp"

#include <string>
#include <vector>

namespace cccd::samples {

struct Migration {
    int version;     ///< 1, 2, 3, ... never reused or edited once shipped: add a new one
    std::string sql; ///< portable SQL; the words below are replaced per dialect
};

/** Dialect words a migration may use:
 *  {{id}}        an auto-numbered primary key column type (INTEGER PRIMARY KEY AUTOINCREMENT / BIGINT GENERATED ... IDENTITY PRIMARY KEY)
 *  {{timestamp}} a UTC time stored as ISO 8601 text (TEXT on both, compared as text) */
std::string dialectSql(const std::string& sql, DbDialect dialect);

/** Applies the migrations not yet applied; returns how many ran. Throws DatabaseError. */
int migrate(Database& db, const std::string& app, const std::vector<Migration>& migrations);

} // namespace cccd::samples
