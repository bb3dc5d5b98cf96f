// The departments a patient can be sent to (seeded by the schema).
#pragma once

#include "common/database.hpp"

#include <optional>
#include <string>
#include <vector>

namespace cccd::samples::hospital {

struct Department {
    long long id = 0;
    std::string code;   ///< NOI, NHI, NGOAI, RHM
    std::string nameVi; ///< Khoa Nội
    std::string nameEn; ///< Internal medicine
    std::string room;   ///< where the patient waits
};

std::vector<Department> listDepartments(Database& db);
std::optional<Department> findDepartment(Database& db, long long id);

} // namespace cccd::samples::hospital
