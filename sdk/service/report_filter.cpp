#include "service/report_filter.hpp"

#include "cccd/error.hpp"
#include "core/bytes.hpp"
#include "pki/verification_json.hpp"
#include "service/http_error.hpp"
#include "vn/document_json.hpp"

#include <openssl/evp.h>

namespace cccd::service {

namespace {
const std::set<std::string> basicIdentity{"id_number", "full_name", "date_of_birth", "sex"};

std::string base64(const std::vector<std::uint8_t>& bytes)
{
    std::string out(4 * ((bytes.size() + 2) / 3), '\0');
    int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()), bytes.data(), static_cast<int>(bytes.size()));
    out.resize(static_cast<std::size_t>(n));
    return out;
}
} // namespace

std::set<std::string> requestedFields(const nlohmann::json& request, const OriginLimits* limits)
{
    std::set<std::string> fields = basicIdentity;
    if (request.contains("fields")) {
        if (!request["fields"].is_array()) throw Error(ErrorKind::InvalidArgument, "fields must be a list of document field names");
        fields.clear();
        for (const auto& f : request["fields"]) {
            if (!f.is_string()) throw Error(ErrorKind::InvalidArgument, "fields must be a list of document field names");
            fields.insert(f.get<std::string>());
        }
    }
    nlohmann::json known = vn::documentToJson(Document{});
    for (const std::string& f : fields) {
        if (!known.contains(f)) throw Error(ErrorKind::InvalidArgument, "unknown field '" + f + "'");
        if (limits && limits->fields && !limits->fields->count(f)) {
            throw HttpError{403, "forbidden", "this page may not ask for '" + f + "' (the agent's config limits its origin)"};
        }
    }
    return fields;
}

nlohmann::json documentFields(const Document& document, const std::set<std::string>& fields)
{
    nlohmann::json all = vn::documentToJson(document);
    nlohmann::json out = nlohmann::json::object();
    for (const std::string& f : fields) out[f] = all[f];
    return out;
}

nlohmann::json filteredReport(const ReadResult& r, const std::set<std::string>& fields, bool face, bool verify)
{
    nlohmann::json report = {{"reader", r.reader},
                             {"access", {{"protocol", r.access.protocol}, {"key", r.access.key}, {"secure_messaging", r.access.secureMessaging}}},
                             {"document", documentFields(r.document, fields)},
                             {"face", nullptr},
                             {"problems", r.problems},
                             {"timing_ms", {{"connect", r.timing.connect}, {"access", r.timing.access}, {"read", r.timing.read},
                                            {"verify", r.timing.verify}, {"total", r.timing.total}}}};
    if (face && r.face) {
        report["face"] = {{"format", r.face->format}, {"width", r.face->width}, {"height", r.face->height}, {"jpeg_base64", base64(r.face->data)}};
    }
    if (verify) report["verification"] = pki::verificationToJson(r.verification);
    return report;
}

} // namespace cccd::service
