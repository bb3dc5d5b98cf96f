// GET /v1/events: Server-Sent Events. A "ready" event first, so a client knows it will see what comes next (a
// page subscribes, waits for ready, then starts its read); a comment every 15 s finds closed connections.
#include "service/agent_impl.hpp"

#include <chrono>

namespace cccd::service {

void Agent::Impl::addEventEndpoint()
{
    server.Get("/v1/events", [this](const httplib::Request& req, httplib::Response& res) {
        // EventSource cannot send headers: with --require-token a page may pass the token as ?token=.
        std::optional<std::string> authorization = req.has_header("Authorization") ? std::optional<std::string>(req.get_header_value("Authorization"))
                                                   : req.has_param("token") ? std::optional<std::string>("Bearer " + req.get_param_value("token"))
                                                                            : std::nullopt;
        std::optional<std::string> origin = req.has_header("Origin") ? std::optional<std::string>(req.get_header_value("Origin")) : std::nullopt;
        CallerDecision caller = checkCaller({req.get_header_value("Host"), origin, authorization, false}, options, token);
        if (caller.status != 200) {
            res.status = caller.status;
            res.set_content(nlohmann::json{{"error", {{"code", caller.code}, {"message", caller.reason}}}}.dump(), "application/json");
            return;
        }
        if (caller.limits) {
            res.set_header("Access-Control-Allow-Origin", caller.caller);
            res.set_header("Vary", "Origin");
        }
        res.set_header("Cache-Control", "no-cache");
        auto subscription = events.subscribe(caller.caller);
        auto first = std::make_shared<bool>(true);
        res.set_chunked_content_provider(
            "text/event-stream",
            [this, subscription, first](std::size_t, httplib::DataSink& sink) {
                std::string frame;
                if (*first) {
                    frame = "event: ready\ndata: {}\n\n";
                    *first = false;
                } else {
                    std::optional<std::string> next = events.next(*subscription, std::chrono::seconds(15));
                    if (events.closed()) return false;
                    frame = next ? *next : ": keep-alive\n\n";
                }
                return sink.write(frame.data(), frame.size());
            },
            [this, subscription](bool) { events.unsubscribe(subscription); });
    });
}

} // namespace cccd::service
