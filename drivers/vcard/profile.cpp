#include "profile.hpp"

#include "cccd/error.hpp"
#include "core/file_io.hpp"

#include <nlohmann/json.hpp>

#include <filesystem>

namespace cccd::vcard {

namespace {
// A profile is a page of JSON: a megabyte is far beyond any, and /dev/zero or a FIFO is refused before reading.
constexpr std::size_t maxProfileBytes = 1u << 20;

std::optional<std::string> text(const nlohmann::json& doc, const char* key)
{
    if (!doc.contains(key) || doc[key].is_null()) return std::nullopt;
    if (!doc[key].is_string()) throw Error(ErrorKind::InvalidArgument, std::string("profile: \"") + key + "\" must be a string or null");
    return doc[key].get<std::string>();
}

// nlohmann's value() throws type_error for a field of another type: cccd-vcard would die instead of naming it.
bool flag(const nlohmann::json& chip, const char* key, bool fallback)
{
    if (!chip.contains(key)) return fallback;
    if (!chip[key].is_boolean()) throw Error(ErrorKind::InvalidArgument, std::string("profile: chip \"") + key + "\" must be true or false");
    return chip[key].get<bool>();
}

std::size_t count(const nlohmann::json& chip, const char* key, std::size_t fallback)
{
    if (!chip.contains(key)) return fallback;
    if (!chip[key].is_number_unsigned()) throw Error(ErrorKind::InvalidArgument, std::string("profile: chip \"") + key + "\" must be a number");
    return chip[key].get<std::size_t>();
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
    std::optional<Bytes> bytes;
    try {
        bytes = readFileIfPresent(path, maxProfileBytes);
    } catch (const Error& e) {
        throw Error(e.kind(), std::string("profile: ") + e.what());
    }
    if (!bytes) throw Error(ErrorKind::NotFound, "profile not found: " + path);
    nlohmann::json root = nlohmann::json::parse(*bytes, nullptr, false);
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
        p.chip.pace = flag(c, "pace", true);
        p.chip.bac = flag(c, "bac", true);
        p.chip.chipAuthentication = flag(c, "chip_authentication", true);
        p.chip.chipAuthenticationKey = text(c, "chip_authentication_key").value_or(p.chip.chipAuthenticationKey);
        if (c.contains("active_authentication")) p.chip.activeAuthentication = text(c, "active_authentication");
        p.chip.extendedLength = flag(c, "extended_length", true);
        p.chip.cardSecurity = flag(c, "card_security", false);
        p.chip.maxLe = count(c, "max_le", 65536);
    }
    return p;
}

} // namespace cccd::vcard
