// Who may use the agent (issue 12): only pages from the allowed origins (a browser cannot forge Origin) and local
// programs holding the token; a foreign Origin is refused even with the token; a Host other than the loopback
// names is refused (DNS rebinding: evil.example resolving to 127.0.0.1 still sends Host: evil.example).
#pragma once

#include "service/agent_options.hpp"

#include <optional>
#include <string>

namespace cccd::service {

struct CallerRequest {
    std::string host;          ///< the Host header
    std::optional<std::string> origin;
    std::optional<std::string> authorization; ///< the Authorization header
    bool open = false;         ///< a path anyone on this PC may fetch (health, client.js)
};

struct CallerDecision {
    int status = 200;          ///< 200, or 401 / 403 with the reason
    std::string code;          ///< "unauthorized" or "forbidden"
    std::string reason;
    std::string caller;        ///< who it is, for the log and per-caller state: the origin, or "token"
    const OriginLimits* limits = nullptr; ///< the origin's limits, when a page calls
};

CallerDecision checkCaller(const CallerRequest& request, const AgentOptions& options, const std::string& token);

/** True for 127.0.0.1:PORT, localhost:PORT and [::1]:PORT. */
bool loopbackHost(const std::string& host, int port);

} // namespace cccd::service
