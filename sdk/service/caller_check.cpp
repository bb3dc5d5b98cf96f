#include "service/caller_check.hpp"

#include "service/token_file.hpp"

namespace cccd::service {

namespace {
CallerDecision refuse(int status, std::string reason)
{
    CallerDecision d;
    d.status = status;
    d.code = status == 401 ? "unauthorized" : "forbidden";
    d.reason = std::move(reason);
    return d;
}

bool hasToken(const CallerRequest& r, const std::string& token)
{
    const std::string prefix = "Bearer ";
    return r.authorization && r.authorization->compare(0, prefix.size(), prefix) == 0 && sameToken(r.authorization->substr(prefix.size()), token);
}
} // namespace

bool loopbackHost(const std::string& host, int port)
{
    std::string suffix = ":" + std::to_string(port);
    return host == "127.0.0.1" + suffix || host == "localhost" + suffix || host == "[::1]" + suffix;
}

CallerDecision checkCaller(const CallerRequest& r, const AgentOptions& options, const std::string& token)
{
    if (!loopbackHost(r.host, options.port)) return refuse(403, "Host '" + r.host + "' is not this PC's loopback address");
    CallerDecision d;
    if (r.origin) {
        auto allowed = options.origins.find(*r.origin);
        if (allowed == options.origins.end()) return refuse(403, "the origin " + *r.origin + " is not allowed (cccd-agent --origin)");
        if (options.requireToken && !r.open && !hasToken(r, token)) return refuse(401, "this agent requires the token from pages too");
        d.caller = *r.origin;
        d.limits = &allowed->second;
        return d;
    }
    if (r.open || hasToken(r, token)) {
        d.caller = r.open && !hasToken(r, token) ? "anyone" : "token";
        return d;
    }
    return refuse(401, "send an allowed Origin or Authorization: Bearer <token from the agent's token file>");
}

} // namespace cccd::service
