// The two database backends behind openDatabase.
#pragma once

#include "common/database.hpp"

namespace cccd::samples {

std::unique_ptr<Database> openSqlite(const std::string& path);
std::unique_ptr<Database> openPostgres(const std::string& uri);

} // namespace cccd::samples
