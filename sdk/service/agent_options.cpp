#include "service/agent_options.hpp"

#include "cccd/error.hpp"
#include "core/file_io.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <cstdlib>

namespace cccd::service {

namespace {
[[noreturn]] void refuse(const std::string& message) { throw Error(ErrorKind::InvalidArgument, "agent config: " + message); }

// A config is a few origins and paths: a megabyte is far more than any, and /dev/zero or a FIFO is refused at once.
constexpr std::size_t maxConfigBytes = 1u << 20;

// A JSON number cast to int is undefined behaviour when it does not fit: check the type and range first.
int portFrom(const nlohmann::json& value)
{
    if (!value.is_number_integer() || value.get<std::int64_t>() < 1 || value.get<std::int64_t>() > 65535) {
        refuse("port must be a whole number from 1 to 65535, not " + value.dump().substr(0, 40));
    }
    return value.get<int>();
}

OriginLimits limitsFrom(const nlohmann::json& j)
{
    OriginLimits limits;
    if (!j.is_object()) return limits;
    if (j.contains("fields")) limits.fields = j["fields"].get<std::set<std::string>>();
    limits.face = j.value("face", true);
    return limits;
}
} // namespace

void loadConfigFile(const std::string& path, AgentOptions& o)
{
    Bytes text;
    try {
        text = readFileBytes(path, maxConfigBytes);
    } catch (const Error& e) {
        refuse(e.what());
    }
    nlohmann::json c = nlohmann::json::parse(text, nullptr, false);
    if (c.is_discarded() || !c.is_object()) refuse(path + " is not a JSON object");
    try {
        if (c.contains("port")) o.port = portFrom(c["port"]);
        o.bind = c.value("bind", o.bind);
        if (c.contains("origins") && c["origins"].is_array()) {
            for (const auto& origin : c["origins"]) o.origins[origin.get<std::string>()] = OriginLimits{};
        } else if (c.contains("origins")) {
            for (const auto& [origin, limits] : c["origins"].items()) o.origins[origin] = limitsFrom(limits);
        }
        o.tokenFile = c.value("token_file", o.tokenFile);
        o.requireToken = c.value("require_token", o.requireToken);
        if (c.contains("trust")) {
            for (const auto& t : c["trust"]) o.trustPaths.push_back(t.get<std::string>());
        }
        o.models = c.value("models", o.models);
        o.reader = c.value("reader", o.reader);
        if (c.contains("camera") && c["camera"].is_string()) {
            o.cameras = {c["camera"].get<std::string>()};
        } else if (c.contains("camera")) {
            o.cameras = c["camera"].get<std::vector<std::string>>();
        }
    } catch (const nlohmann::json::exception& e) {
        refuse(path + ": " + e.what());
    }
}

void checkLoopback(const std::string& bind)
{
    if (bind != "127.0.0.1" && bind != "::1") {
        throw Error(ErrorKind::InvalidArgument, "--bind " + bind + " refused: the agent serves this PC only (127.0.0.1 or ::1)");
    }
}

std::string defaultTokenFile()
{
    const char* xdg = std::getenv("XDG_CONFIG_HOME");
    if (xdg && *xdg) return std::string(xdg) + "/cccd/agent-token";
    const char* home = std::getenv("HOME");
    return std::string(home ? home : ".") + "/.config/cccd/agent-token";
}

} // namespace cccd::service
