#include "rules/visits.hpp"

namespace cccd::samples::hospital {
namespace {

// Named with AS: SQLite does not promise a column name for "v.id" otherwise.
const char* visitColumns =
    "v.id AS id, v.patient_id AS patient_id, v.department_id AS department_id, v.visit_date AS visit_date, "
    "v.queue_number AS queue_number, v.identity_source AS identity_source, v.card_verdict AS card_verdict, "
    "v.verified AS verified, v.insurance_status AS insurance_status, v.insurance_card_number AS insurance_card_number, "
    "v.insurance_benefit_percent AS insurance_benefit_percent, v.insurance_valid_to AS insurance_valid_to, "
    "v.insurance_registered_hospital AS insurance_registered_hospital, v.insurance_problem AS insurance_problem, "
    "v.created_at AS created_at";

Visit visitFrom(const DbRow& r)
{
    Visit v;
    v.id = r.integer("id");
    v.patientId = r.integer("patient_id");
    v.departmentId = r.integer("department_id");
    v.visitDate = r.text("visit_date");
    v.queueNumber = r.integer("queue_number");
    v.identitySource = r.text("identity_source");
    v.cardVerdict = r.at("card_verdict");
    v.verified = r.integer("verified") != 0;
    v.insurance.status = r.text("insurance_status");
    v.insurance.cardNumber = r.text("insurance_card_number");
    if (r.at("insurance_benefit_percent")) v.insurance.benefitPercent = static_cast<int>(r.integer("insurance_benefit_percent"));
    v.insurance.validTo = r.text("insurance_valid_to");
    v.insurance.registeredHospital = r.text("insurance_registered_hospital");
    v.insurance.problem = r.text("insurance_problem");
    v.createdAt = r.text("created_at");
    return v;
}

DbValue orNull(const std::string& text)
{
    return text.empty() ? DbValue() : DbValue(text);
}

std::vector<VisitDetails> detailsWhere(Database& db, const std::string& where, const DbParams& params)
{
    std::string sql = std::string("SELECT ") + visitColumns +
                      ", p.id_number AS id_number, p.full_name AS full_name, p.date_of_birth AS date_of_birth, p.sex AS sex, "
                      "p.place_of_residence AS place_of_residence, d.code AS code, d.name_vi AS name_vi, d.name_en AS name_en, d.room AS room "
                      "FROM visits v JOIN patients p ON p.id = v.patient_id JOIN departments d ON d.id = v.department_id WHERE " +
                      where + " ORDER BY v.queue_number";
    std::vector<VisitDetails> out;
    for (const DbRow& r : db.query(sql, params)) {
        out.push_back({visitFrom(r),
                       {r.text("id_number"), r.text("full_name"), r.at("date_of_birth"), r.at("sex"), r.at("place_of_residence")},
                       {r.integer("department_id"), r.text("code"), r.text("name_vi"), r.text("name_en"), r.text("room")}});
    }
    return out;
}

} // namespace

std::optional<Visit> findVisitOfDay(Database& db, long long patientId, long long departmentId, const std::string& visitDate)
{
    auto rows = db.query(std::string("SELECT ") + visitColumns + " FROM visits v WHERE v.patient_id = ? AND v.department_id = ? AND v.visit_date = ?",
                         {std::to_string(patientId), std::to_string(departmentId), visitDate});
    if (rows.empty()) return std::nullopt;
    return visitFrom(rows[0]);
}

Visit insertVisit(Database& db, Visit visit, const std::string& now)
{
    const InsuranceRecord& ins = visit.insurance;
    auto rows = db.query(
        "INSERT INTO visits (patient_id, department_id, visit_date, queue_number, identity_source, card_verdict, verified, "
        "insurance_status, insurance_card_number, insurance_benefit_percent, insurance_valid_to, insurance_registered_hospital, "
        "insurance_problem, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        {std::to_string(visit.patientId), std::to_string(visit.departmentId), visit.visitDate, std::to_string(visit.queueNumber),
         visit.identitySource, visit.cardVerdict, std::string(visit.verified ? "1" : "0"), ins.status, orNull(ins.cardNumber),
         ins.benefitPercent ? DbValue(std::to_string(*ins.benefitPercent)) : DbValue(), orNull(ins.validTo),
         orNull(ins.registeredHospital), orNull(ins.problem), now});
    visit.id = rows.at(0).integer("id");
    visit.createdAt = now;
    return visit;
}

void markVisitVerified(Database& db, long long visitId, const std::string& cardVerdict)
{
    db.query("UPDATE visits SET verified = 1, identity_source = 'chip', card_verdict = ? WHERE id = ?", {cardVerdict, std::to_string(visitId)});
}

std::optional<VisitDetails> visitDetails(Database& db, long long visitId)
{
    auto found = detailsWhere(db, "v.id = ?", {std::to_string(visitId)});
    if (found.empty()) return std::nullopt;
    return found[0];
}

std::vector<VisitDetails> visitsOfDay(Database& db, long long departmentId, const std::string& visitDate)
{
    return detailsWhere(db, "v.department_id = ? AND v.visit_date = ?", {std::to_string(departmentId), visitDate});
}

} // namespace cccd::samples::hospital
