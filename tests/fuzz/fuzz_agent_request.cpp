// The agent's request handling without sockets: the caller check on Host, Origin and Authorization, then the JSON
// body of POST /v1/read, /v1/face-match or /v1/scan-qr read as the handlers read it. Input: a byte choosing the
// endpoint (and an open path), header lines "Name: value", an empty line, the body. Only HttpError (the agent's
// 4xx answers) and cccd::Error may come out; anything else would be answered 500 internal.
#include "cccd/error.hpp"
#include "fuzz_target.hpp"
#include "service/agent_impl.hpp"
#include "service/caller_check.hpp"
#include "service/request_body.hpp"

#include <string_view>

namespace {
const std::string token = "0123456789abcdef0123456789abcdef";

const cccd::service::AgentOptions& options()
{
    static const cccd::service::AgentOptions o = [] {
        cccd::service::AgentOptions options;
        options.origins["https://counter.example"] = {};
        options.origins["https://kiosk.example"] = {std::set<std::string>{"id_number", "full_name"}, false};
        options.cameras = {"0"};
        return options;
    }();
    return o;
}

cccd::service::CallerRequest callerOf(std::string_view headers, bool open)
{
    cccd::service::CallerRequest request;
    request.open = open;
    while (!headers.empty()) {
        std::size_t end = headers.find('\n');
        std::string_view line = headers.substr(0, end);
        headers = end == std::string_view::npos ? std::string_view() : headers.substr(end + 1);
        std::size_t colon = line.find(": ");
        if (colon == std::string_view::npos) continue;
        std::string name(line.substr(0, colon)), value(line.substr(colon + 2));
        if (name == "Host") request.host = value;
        if (name == "Origin") request.origin = value;
        if (name == "Authorization") request.authorization = value;
    }
    return request;
}

void handleBody(int endpoint, const std::string& text, const cccd::service::CallerDecision& caller)
{
    httplib::Request request;
    request.body = text;
    nlohmann::json body = cccd::service::jsonBody(request);
    if (endpoint == 0) {
        (void)cccd::service::readRequestFrom(body, caller.limits);
    } else if (endpoint == 1) {
        if (body.contains("chip") && body["chip"].is_string()) (void)cccd::service::fromBase64(body["chip"].get<std::string>(), "chip");
        (void)cccd::service::liveFrom(body.value("live", nlohmann::json()), "live", options());
        (void)cccd::service::livenessFrom(body);
    } else {
        (void)cccd::service::liveFrom(body, "the body", options());
    }
}
} // namespace

std::vector<std::vector<std::uint8_t>> cccd::fuzz::fuzzSeeds()
{
    auto text = [](std::uint8_t endpoint, std::string_view s) {
        std::vector<std::uint8_t> out{endpoint};
        out.insert(out.end(), s.begin(), s.end());
        return out;
    };
    return {text(0, "Host: 127.0.0.1:8741\nOrigin: https://counter.example\n\n"
                    "{\"key\": {\"can\": \"123456\"}, \"fields\": [\"id_number\"], \"face\": true, \"wait_seconds\": 5, \"request_id\": \"r1\"}"),
            text(0, "Host: localhost:8741\nAuthorization: Bearer 0123456789abcdef0123456789abcdef\n\n"
                    "{\"key\": {\"bac\": \"C01234567,900101,300101\"}, \"verify\": false, \"reader\": \"ACS\"}"),
            text(1, "Host: [::1]:8741\nOrigin: https://kiosk.example\n\n{\"chip\": \"/9j/4AAQ\", \"live\": {\"source\": \"camera:0\"}, \"liveness\": true}"),
            text(2, "Host: 127.0.0.1:8741\nOrigin: https://counter.example\n\n{\"image\": \"iVBORw0KGgo=\"}"),
            text(3, "Host: evil.example\n\n{}")};
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size == 0) return 0;
    std::string_view rest(reinterpret_cast<const char*>(data + 1), size - 1);
    std::size_t split = rest.find("\n\n");
    std::string_view headers = rest.substr(0, split);
    std::string body(split == std::string_view::npos ? std::string_view() : rest.substr(split + 2));
    try {
        cccd::service::CallerDecision caller = cccd::service::checkCaller(callerOf(headers, data[0] & 4), options(), token);
        if (caller.status == 200) handleBody(data[0] % 3, body, caller);
    } catch (const cccd::service::HttpError&) {
    } catch (const cccd::Error&) {
    }
    return 0;
}
