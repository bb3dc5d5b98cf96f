#include "profile.hpp"

#include "cccd/error.hpp"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>

namespace cccd::vcard {

namespace {
std::optional<std::string> text(const nlohmann::json& doc, const char* key)
{
    if (!doc.contains(key) || doc[key].is_null()) return std::nullopt;
    if (!doc[key].is_string()) throw Error(ErrorKind::InvalidArgument, std::string("profile: \"") + key + "\" must be a string or null");
    return doc[key].get<std::string>();
}

std::string required(const nlohmann::json& doc, const char* key)
{
    std::optional<std::string> v = text(doc, key);
    if (!v || v->empty()) throw Error(ErrorKind::InvalidArgument, std::string("profile: \"") + key + "\" is required");
    return *v;
}
} // namespace

Profile loadProfile(const std::string& path)
{
    std::ifstream in(path);
    if (!in) throw Error(ErrorKind::NotFound, "profile not found: " + path);
    nlohmann::json root = nlohmann::json::parse(in, nullptr, false);
    if (root.is_discarded() || !root.is_object()) throw Error(ErrorKind::InvalidArgument, "profile is not a JSON object: " + path);
    const nlohmann::json& doc = root.contains("document") ? root["document"] : root;

    Profile p;
    Document& d = p.document;
    d.idNumber = required(doc, "id_number");
    d.oldIdNumber = text(doc, "old_id_number");
    d.fullName = required(doc, "full_name");
    d.dateOfBirth = required(doc, "date_of_birth");
    d.sex = text(doc, "sex").value_or("X");
    d.nationality = text(doc, "nationality");
    d.ethnicity = text(doc, "ethnicity");
    d.religion = text(doc, "religion");
    d.placeOfOrigin = text(doc, "place_of_origin");
    d.placeOfResidence = text(doc, "place_of_residence");
    d.personalIdentification = text(doc, "personal_identification");
    d.dateOfIssue = required(doc, "date_of_issue");
    d.dateOfExpiry = text(doc, "date_of_expiry");
    d.fatherName = text(doc, "father_name");
    d.motherName = text(doc, "mother_name");
    d.spouseName = text(doc, "spouse_name");
    if (d.idNumber->size() != 12 || d.idNumber->find_first_not_of("0123456789") != std::string::npos) {
        throw Error(ErrorKind::InvalidArgument, "profile: id_number must have 12 digits");
    }

    std::filesystem::path base = std::filesystem::path(path).parent_path();
    std::string face = required(root, "face_image");
    p.faceImagePath = std::filesystem::path(face).is_absolute() ? face : (base / face).string();
    if (auto pki = text(root, "pki")) p.pkiFolder = std::filesystem::path(*pki).is_absolute() ? *pki : (base / *pki).string();

    if (root.contains("chip") && root["chip"].is_object()) {
        const nlohmann::json& c = root["chip"];
        p.chip.pace = c.value("pace", true);
        p.chip.bac = c.value("bac", true);
        p.chip.chipAuthentication = c.value("chip_authentication", true);
        p.chip.chipAuthenticationKey = c.value("chip_authentication_key", p.chip.chipAuthenticationKey);
        if (c.contains("active_authentication")) {
            p.chip.activeAuthentication = c["active_authentication"].is_null() ? std::nullopt
                                                                                 : std::optional<std::string>(c["active_authentication"].get<std::string>());
        }
        p.chip.extendedLength = c.value("extended_length", true);
        p.chip.cardSecurity = c.value("card_security", false);
        p.chip.maxLe = c.value("max_le", std::size_t{65536});
    }
    return p;
}

} // namespace cccd::vcard
