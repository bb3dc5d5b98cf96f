#include "reading/report_json.hpp"

#include "crypto/crypto.hpp"
#include "pki/verification_json.hpp"
#include "vn/document_json.hpp"

#include <cctype>

namespace cccd::reading {

nlohmann::json dataGroupsJson(const std::map<std::string, std::vector<std::uint8_t>>& files)
{
    nlohmann::json out = nlohmann::json::object();
    for (const auto& [name, content] : files) {
        if (name.rfind("DG", 0) != 0) continue;
        std::string digest = toHex(crypto::hash(crypto::HashAlgorithm::Sha256, content));
        for (char& c : digest) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        out[name] = {{"size", content.size()}, {"sha256", digest}};
    }
    return out;
}

nlohmann::json reportToJson(const ReadResult& r)
{
    nlohmann::json face = nullptr;
    if (r.face) face = {{"format", r.face->format}, {"width", r.face->width}, {"height", r.face->height}};
    return {
        {"reader", r.reader},
        {"apdu_count", r.apduCount},
        {"access", {{"protocol", r.access.protocol}, {"key", r.access.key}, {"secure_messaging", r.access.secureMessaging}}},
        {"document", vn::documentToJson(r.document)},
        {"data_groups", dataGroupsJson(r.files)},
        {"face", face},
        {"verification", pki::verificationToJson(r.verification)},
        {"problems", r.problems},
        {"timing_ms",
         {{"connect", r.timing.connect}, {"access", r.timing.access}, {"read", r.timing.read}, {"verify", r.timing.verify},
          {"total", r.timing.total}}},
    };
}

nlohmann::json readersJson(const std::vector<ReaderInfo>& readers)
{
    nlohmann::json out = {{"readers", nlohmann::json::array()}};
    for (std::size_t i = 0; i < readers.size(); ++i) {
        out["readers"].push_back({{"index", i},
                                  {"name", readers[i].name},
                                  {"card_present", readers[i].cardPresent},
                                  {"atr", readers[i].cardPresent ? nlohmann::json(readers[i].atrHex) : nlohmann::json()}});
    }
    return out;
}

} // namespace cccd::reading
