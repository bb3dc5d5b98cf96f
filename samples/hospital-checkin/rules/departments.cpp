#include "rules/departments.hpp"

namespace cccd::samples::hospital {
namespace {

const char* columns = "SELECT id, code, name_vi, name_en, room FROM departments";

Department fromRow(const DbRow& row)
{
    return {row.integer("id"), row.text("code"), row.text("name_vi"), row.text("name_en"), row.text("room")};
}

} // namespace

std::vector<Department> listDepartments(Database& db)
{
    std::vector<Department> out;
    for (const DbRow& row : db.query(std::string(columns) + " ORDER BY sort_order, id")) out.push_back(fromRow(row));
    return out;
}

std::optional<Department> findDepartment(Database& db, long long id)
{
    auto rows = db.query(std::string(columns) + " WHERE id = ?", {std::to_string(id)});
    if (rows.empty()) return std::nullopt;
    return fromRow(rows[0]);
}

} // namespace cccd::samples::hospital
