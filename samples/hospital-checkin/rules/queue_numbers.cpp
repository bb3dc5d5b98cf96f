#include "rules/queue_numbers.hpp"

namespace cccd::samples::hospital {

long long takeQueueNumber(Database& db, long long departmentId, const std::string& visitDate)
{
    auto rows = db.query("INSERT INTO queue_counters (department_id, visit_date, last_number) VALUES (?, ?, 1) "
                         "ON CONFLICT (department_id, visit_date) DO UPDATE SET last_number = queue_counters.last_number + 1 "
                         "RETURNING last_number",
                         {std::to_string(departmentId), visitDate});
    return rows.at(0).integer("last_number");
}

long long lastQueueNumber(Database& db, long long departmentId, const std::string& visitDate)
{
    auto rows = db.query("SELECT last_number FROM queue_counters WHERE department_id = ? AND visit_date = ?",
                         {std::to_string(departmentId), visitDate});
    return rows.empty() ? 0 : rows[0].integer("last_number");
}

} // namespace cccd::samples::hospital
