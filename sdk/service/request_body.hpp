// The JSON bodies of the agent's POST endpoints, read field by field: whatever a page sends, a wrong field is a
// 400 naming it (HttpError or Error(InvalidArgument)), never an internal error. Kept apart from the HTTP handlers
// so a fuzz target checks them without sockets.
#pragma once

#include "cccd/access_key.hpp"
#include "service/agent_options.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace cccd::service {

/** POST /v1/read: {"key": {...}, "fields": [...], "face", "verify", "wait_seconds", "request_id", "reader"}. */
struct ReadRequest {
    AccessKey key;
    std::set<std::string> fields;
    bool face = false;
    bool verify = true;
    double waitSeconds = 0;
    std::optional<std::string> requestId;
    std::optional<std::string> reader;
};
ReadRequest readRequestFrom(const nlohmann::json& body, const OriginLimits* limits);

/** The live side of a face match or QR scan: the agent's camera ({"source": "camera:0"}) or a posted frame
 *  ({"image": base64}). */
struct LiveInput {
    std::string camera;                 ///< as the page named it
    std::optional<std::string> source;  ///< what the agent opens for it
    std::vector<std::uint8_t> image;
};
/** field names the object in messages ("live", "the body"). */
LiveInput liveFrom(const nlohmann::json& j, const char* field, const AgentOptions& options);

/** POST /v1/face-match's own fields besides the chip photo and "live". */
bool livenessFrom(const nlohmann::json& body);

} // namespace cccd::service
