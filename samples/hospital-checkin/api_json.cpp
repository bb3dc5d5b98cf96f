#include "api_json.hpp"

#include "common/sample_server.hpp"

namespace cccd::samples::hospital {
namespace {

nlohmann::json textOrNull(const std::string& text)
{
    return text.empty() ? nlohmann::json(nullptr) : nlohmann::json(text);
}

nlohmann::json textOrNull(const std::optional<std::string>& text)
{
    return text ? nlohmann::json(*text) : nlohmann::json(nullptr);
}

std::optional<std::string> optionalText(const nlohmann::json& object, const char* field)
{
    auto it = object.find(field);
    if (it == object.end() || it->is_null()) return std::nullopt;
    if (!it->is_string()) throw ApiError{400, "invalid_argument", std::string(field) + " must be text"};
    if (it->get<std::string>().empty()) return std::nullopt;
    return it->get<std::string>();
}

nlohmann::json visitJson(const Visit& v, const Department& department, const PersonData& patient)
{
    const InsuranceRecord& ins = v.insurance;
    return {{"id", v.id},
            {"queue_number", v.queueNumber},
            {"visit_date", v.visitDate},
            {"created_at", v.createdAt},
            {"identity_source", v.identitySource},
            {"card_verdict", textOrNull(v.cardVerdict)},
            {"verified", v.verified},
            {"department", toJson(department)},
            {"patient",
             {{"id_number_masked", maskId(patient.idNumber)},
              {"full_name", patient.fullName},
              {"date_of_birth", textOrNull(patient.dateOfBirth)},
              {"sex", textOrNull(patient.sex)}}},
            {"insurance",
             {{"status", ins.status},
              {"card_number", textOrNull(ins.cardNumber)},
              {"benefit_percent", ins.benefitPercent ? nlohmann::json(*ins.benefitPercent) : nlohmann::json(nullptr)},
              {"valid_to", textOrNull(ins.validTo)},
              {"registered_hospital", textOrNull(ins.registeredHospital)},
              {"problem", textOrNull(ins.problem)}}}};
}

} // namespace

nlohmann::json toJson(const Department& d)
{
    return {{"id", d.id}, {"code", d.code}, {"name_vi", d.nameVi}, {"name_en", d.nameEn}, {"room", d.room}};
}

nlohmann::json toJson(const VisitDetails& details)
{
    return visitJson(details.visit, details.department, details.patient);
}

nlohmann::json toJson(const CheckinOutcome& outcome)
{
    return {{"visit", visitJson(outcome.visit, outcome.department, outcome.patient.person)},
            {"repeat", outcome.repeat},
            {"new_patient", outcome.newPatient}};
}

CheckinRequest checkinRequestFrom(const nlohmann::json& body)
{
    CheckinRequest request;
    if (!body.contains("department_id") || !body["department_id"].is_number_integer()) {
        throw ApiError{400, "invalid_argument", "department_id must be a department's id"};
    }
    request.departmentId = body["department_id"].get<long long>();
    std::string source = requiredText(body, "source");
    if (source != "chip" && source != "qr_only") throw ApiError{400, "invalid_argument", "source must be chip or qr_only"};
    request.source = source == "chip" ? IdentitySource::Chip : IdentitySource::QrOnly;
    request.cardVerdict = optionalText(body, "card_verdict").value_or("");
    if (!body.contains("person") || !body["person"].is_object()) throw ApiError{400, "invalid_argument", "missing person"};
    const nlohmann::json& person = body["person"];
    request.person.idNumber = requiredIdNumber(person, "id_number");
    request.person.fullName = requiredText(person, "full_name");
    request.person.dateOfBirth = optionalText(person, "date_of_birth");
    request.person.sex = optionalText(person, "sex");
    request.person.placeOfResidence = optionalText(person, "place_of_residence");
    return request;
}

} // namespace cccd::samples::hospital
