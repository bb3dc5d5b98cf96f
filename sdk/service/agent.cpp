#include "service/agent_impl.hpp"

#include "cccd/error.hpp"
#include "cccd/version.hpp"
#include "core/log.hpp"
#include "service/token_file.hpp"

#include <openssl/evp.h>

#include <chrono>

namespace cccd::service {

extern const char* const clientJs; // sdk/service/client.js, embedded at build time

namespace {
void answer(httplib::Response& res, int status, const nlohmann::json& body)
{
    res.status = status;
    res.set_content(body.dump(), "application/json");
}

void answerError(httplib::Response& res, const HttpError& e)
{
    answer(res, e.status, {{"error", {{"code", e.code}, {"message", e.message}}}});
}

std::optional<std::string> header(const httplib::Request& req, const char* name)
{
    if (!req.has_header(name)) return std::nullopt;
    return req.get_header_value(name);
}

// Only the origins the agent serves get CORS headers; for others the browser blocks the answer.
void allowOrigin(httplib::Response& res, const CallerDecision& caller)
{
    if (!caller.limits) return;
    res.set_header("Access-Control-Allow-Origin", caller.caller);
    res.set_header("Vary", "Origin");
}
} // namespace

HttpError httpErrorFor(const Error& e)
{
    // A conflict the person at the counter resolves (take one card off), like a busy reader: not a missing reader.
    if (dynamic_cast<const SeveralCards*>(&e)) return {409, "several_cards", e.what()};
    switch (e.kind()) {
    case ErrorKind::InvalidArgument: return {400, "invalid_argument", e.what()};
    case ErrorKind::NotFound: return {400, "not_found", e.what()};
    case ErrorKind::AccessDenied: return {422, "wrong_key", e.what()};
    case ErrorKind::ServiceUnavailable: return {503, "service_unavailable", e.what()};
    case ErrorKind::NoReader: return {503, "no_reader", e.what()};
    case ErrorKind::NoCard: return {409, "no_card", e.what()}; // not 408: browsers resend a request answered 408
    case ErrorKind::CardRemoved: return {410, "card_removed", e.what()};
    case ErrorKind::Communication:
    case ErrorKind::CardError:
    case ErrorKind::MalformedData:
    case ErrorKind::Unsupported: return {502, "communication", e.what()};
    case ErrorKind::Internal: break;
    }
    return {500, "internal", e.what()};
}

nlohmann::json jsonBody(const httplib::Request& request)
{
    nlohmann::json body = nlohmann::json::parse(request.body, nullptr, false);
    if (body.is_discarded() || !body.is_object()) throw HttpError{400, "invalid_argument", "the body is not a JSON object"};
    return body;
}

std::vector<std::uint8_t> fromBase64(const std::string& text, const std::string& field)
{
    std::vector<std::uint8_t> out(3 * text.size() / 4 + 3);
    int n = text.size() % 4 == 0 ? EVP_DecodeBlock(out.data(), reinterpret_cast<const unsigned char*>(text.data()), static_cast<int>(text.size())) : -1;
    if (n < 0) throw HttpError{400, "invalid_argument", field + " is not base64"};
    std::size_t padding = text.size() >= 2 ? (text[text.size() - 1] == '=') + (text[text.size() - 2] == '=') : 0;
    out.resize(static_cast<std::size_t>(n) - padding);
    return out;
}

void Agent::Impl::route(const std::string& method, const std::string& path, bool open, Handler handler)
{
    auto serve = [this, method, path, open, handler](const httplib::Request& req, httplib::Response& res) {
        const auto start = std::chrono::steady_clock::now();
        CallerDecision caller = checkCaller({req.get_header_value("Host"), header(req, "Origin"), header(req, "Authorization"), open}, options, token);
        if (caller.status != 200) {
            // An allowed page refused for want of the token must be able to read why.
            std::optional<std::string> origin = header(req, "Origin");
            if (origin && options.origins.count(*origin)) {
                res.set_header("Access-Control-Allow-Origin", *origin);
                res.set_header("Vary", "Origin");
            }
            answerError(res, {caller.status, caller.code, caller.reason});
        } else {
            allowOrigin(res, caller);
            try {
                answer(res, 200, handler(req, caller));
            } catch (const HttpError& e) {
                answerError(res, e);
            } catch (const Error& e) {
                answerError(res, httpErrorFor(e));
            } catch (const std::exception& e) {
                answerError(res, {500, "internal", std::string("internal error: ") + e.what()});
            }
        }
        double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
        log::info("agent: " + method + " " + path + " " + std::to_string(res.status) + " " + std::to_string(static_cast<int>(ms)) + " ms, caller " +
                  (caller.caller.empty() ? "refused" : caller.caller));
    };
    if (method == "GET") server.Get(path, serve);
    if (method == "POST") server.Post(path, serve);
}

FaceMatcher& Agent::Impl::faceMatcher()
{
    std::lock_guard<std::mutex> lock(faceMutex);
    if (!matcher) matcher = std::make_unique<FaceMatcher>(options.models);
    return *matcher;
}

Agent::Agent(AgentOptions options) : impl_(std::make_unique<Impl>())
{
    checkLoopback(options.bind);
    Impl& a = *impl_;
    a.options = std::move(options);
    if (a.options.tokenFile.empty()) a.options.tokenFile = defaultTokenFile();
    a.token = loadOrCreateToken(a.options.tokenFile);
    auto trust = std::make_shared<TrustStore>();
    trust->addDefaultLocation();
    for (const std::string& path : a.options.trustPaths) trust->add(path);
    for (const std::string& warning : trust->warnings()) log::warn(warning);
    a.trust = trust;

    // Enough threads for event streams, which stay open, besides the requests.
    a.server.new_task_queue = [] { return new httplib::ThreadPool(16); };
    a.server.set_payload_max_length(a.options.maxBodyBytes);
    a.server.set_tcp_nodelay(true); // small answers go out at once, not after the peer's delayed ACK
    a.server.set_error_handler([](const httplib::Request&, httplib::Response& res) {
        if (res.status == 413) answerError(res, {413, "too_large", "the request body is larger than the agent accepts"});
        if (res.status == 404 && res.body.empty()) answerError(res, {404, "not_found", "no such endpoint"});
    });
    a.server.Options(R"(/v1/.*)", [&a](const httplib::Request& req, httplib::Response& res) {
        CallerDecision caller = checkCaller({req.get_header_value("Host"), header(req, "Origin"), std::nullopt, true}, a.options, a.token);
        if (caller.status != 200 || !caller.limits) return answerError(res, {403, "forbidden", caller.status != 200 ? caller.reason : "a preflight needs an Origin"});
        allowOrigin(res, caller);
        res.set_header("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
        res.set_header("Access-Control-Allow-Headers", "Content-Type, Authorization");
        res.set_header("Access-Control-Max-Age", "600");
        // Private Network Access: a public page may call this loopback service only if it says yes.
        if (req.get_header_value("Access-Control-Request-Private-Network") == "true") res.set_header("Access-Control-Allow-Private-Network", "true");
        res.status = 204;
    });
    a.route("GET", "/v1/health", true, [](const httplib::Request&, const CallerDecision&) {
        return nlohmann::json{{"status", "ok"}, {"version", version()}};
    });
    a.server.Get("/v1/client.js", [&a](const httplib::Request& req, httplib::Response& res) {
        if (!loopbackHost(req.get_header_value("Host"), a.options.port)) return answerError(res, {403, "forbidden", "not this PC's loopback address"});
        res.set_header("Access-Control-Allow-Origin", "*"); // code, no data: any page may load it, only allowed ones may use it
        res.set_content(clientJs, "text/javascript");
    });
    a.addCardEndpoints();
    a.addFaceEndpoints();
    a.addEventEndpoint();
}

Agent::~Agent() { stop(); }

bool Agent::listen(const std::function<void()>& ready)
{
    Impl& a = *impl_;
    try {
        a.monitor = std::make_unique<ReaderMonitor>([&a](const ReaderEvent& e) {
            bool reader = e.type == ReaderEventType::ReaderAdded || e.type == ReaderEventType::ReaderRemoved;
            bool present = e.type == ReaderEventType::ReaderAdded || e.type == ReaderEventType::CardInserted;
            if (reader) a.events.publish("reader", {{"name", e.reader}, {"present", present}});
            if (!reader) a.events.publish("card", {{"reader", e.reader}, {"present", present}});
        });
    } catch (const Error& e) {
        log::warn(std::string("agent: no reader events: ") + e.what()); // pcscd down: requests will say so
    }
    if (!a.server.bind_to_port(a.options.bind, a.options.port)) return false;
    if (ready) ready();
    return a.server.listen_after_bind();
}

void Agent::stop()
{
    impl_->events.close();
    impl_->server.stop();
    impl_->monitor.reset();
}

} // namespace cccd::service
