#include "transport/reader_profile.hpp"

#include "cccd/error.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>

namespace cccd::transport {

extern const char* const builtInReaderProfiles; // generated from drivers/readers/profiles.json

namespace {
std::string lower(std::string_view s)
{
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

const std::vector<ReaderProfile>& builtIn()
{
    static const std::vector<ReaderProfile> profiles = parseReaderProfiles(builtInReaderProfiles);
    return profiles;
}
} // namespace

std::vector<ReaderProfile> parseReaderProfiles(std::string_view json)
{
    nlohmann::json doc = nlohmann::json::parse(json, nullptr, false);
    if (doc.is_discarded() || !doc.contains("profiles") || !doc["profiles"].is_array()) {
        throw ParseError("reader profiles", 0, "expected a JSON object with a \"profiles\" array");
    }
    std::vector<ReaderProfile> out;
    for (const auto& entry : doc["profiles"]) {
        if (!entry.is_object() || !entry.contains("match") || !entry["match"].is_string()) {
            throw ParseError("reader profiles", out.size(), "every profile needs a \"match\" string");
        }
        ReaderProfile p;
        p.match = entry["match"].get<std::string>();
        p.extendedLength = entry.value("extended_length", true);
        p.maxLe = entry.value("max_le", std::size_t{65536});
        p.why = entry.value("why", std::string{});
        if (p.maxLe == 0 || p.maxLe > 65536) throw ParseError("reader profiles", out.size(), "max_le must be 1..65536");
        out.push_back(std::move(p));
    }
    return out;
}

std::optional<ReaderProfile> readerProfileFor(std::string_view readerName)
{
    std::string name = lower(readerName);
    for (const ReaderProfile& p : builtIn()) {
        if (name.find(lower(p.match)) != std::string::npos) return p;
    }
    return std::nullopt;
}

} // namespace cccd::transport
