#include "rules/patients.hpp"

namespace cccd::samples::hospital {

const char* toString(IdentitySource source)
{
    return source == IdentitySource::Chip ? "chip" : "qr_only";
}

std::optional<Patient> findPatient(Database& db, const std::string& idNumber)
{
    auto rows = db.query("SELECT id, id_number, full_name, date_of_birth, sex, place_of_residence, identity_source "
                         "FROM patients WHERE id_number = ?",
                         {idNumber});
    if (rows.empty()) return std::nullopt;
    const DbRow& r = rows[0];
    return Patient{r.integer("id"),
                   {r.text("id_number"), r.text("full_name"), r.at("date_of_birth"), r.at("sex"), r.at("place_of_residence")},
                   r.text("identity_source")};
}

std::pair<Patient, bool> findOrCreatePatient(Database& db, const PersonData& person, IdentitySource source, const std::string& now)
{
    std::optional<Patient> found = findPatient(db, person.idNumber);
    if (found && source == IdentitySource::QrOnly) return {*found, false};
    if (found) {
        db.query("UPDATE patients SET full_name = ?, date_of_birth = ?, sex = ?, place_of_residence = ?, identity_source = ?, "
                 "updated_at = ? WHERE id = ?",
                 {person.fullName, person.dateOfBirth, person.sex, person.placeOfResidence, std::string(toString(source)), now,
                  std::to_string(found->id)});
        return {Patient{found->id, person, toString(source)}, false};
    }
    auto rows = db.query("INSERT INTO patients (id_number, full_name, date_of_birth, sex, place_of_residence, identity_source, "
                         "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                         {person.idNumber, person.fullName, person.dateOfBirth, person.sex, person.placeOfResidence,
                          std::string(toString(source)), now, now});
    return {Patient{rows.at(0).integer("id"), person, toString(source)}, true};
}

} // namespace cccd::samples::hospital
