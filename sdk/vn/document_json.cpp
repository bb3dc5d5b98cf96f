#include "vn/document_json.hpp"

#include "vn/qr_payload.hpp"

namespace cccd::vn {

namespace {
nlohmann::json orNull(const std::optional<std::string>& v) { return v ? nlohmann::json(*v) : nlohmann::json(); }
} // namespace

nlohmann::json documentToJson(const Document& d)
{
    nlohmann::json j = {
        {"id_number", orNull(d.idNumber)},
        {"old_id_number", orNull(d.oldIdNumber)},
        {"full_name", orNull(d.fullName)},
        {"date_of_birth", orNull(d.dateOfBirth)},
        {"sex", orNull(d.sex)},
        {"nationality", orNull(d.nationality)},
        {"ethnicity", orNull(d.ethnicity)},
        {"religion", orNull(d.religion)},
        {"place_of_origin", orNull(d.placeOfOrigin)},
        {"place_of_residence", orNull(d.placeOfResidence)},
        {"personal_identification", orNull(d.personalIdentification)},
        {"date_of_issue", orNull(d.dateOfIssue)},
        {"date_of_expiry", orNull(d.dateOfExpiry)},
        {"father_name", orNull(d.fatherName)},
        {"mother_name", orNull(d.motherName)},
        {"spouse_name", orNull(d.spouseName)},
        {"mrz", nullptr},
    };
    if (d.mrz) {
        const MrzData& m = *d.mrz;
        j["mrz"] = {{"document_code", m.documentCode},     {"issuing_state", m.issuingState},
                    {"document_number", m.documentNumber}, {"date_of_birth", m.dateOfBirth},
                    {"sex", m.sex},                        {"date_of_expiry", m.dateOfExpiry},
                    {"nationality", m.nationality},        {"optional_data", m.optionalData},
                    {"primary_identifier", m.primaryIdentifier}, {"secondary_identifier", m.secondaryIdentifier},
                    {"check_digits_valid", m.checkDigitsValid}};
    }
    return j;
}

nlohmann::json qrPayloadToJson(const QrPayload& q)
{
    return {{"id_number", q.idNumber},
            {"old_id_number", orNull(q.oldIdNumber)},
            {"full_name", q.fullName},
            {"date_of_birth", q.dateOfBirth.iso()},
            {"sex", q.sex},
            {"place_of_residence", q.placeOfResidence},
            {"date_of_issue", q.dateOfIssue.iso()}};
}

} // namespace cccd::vn
