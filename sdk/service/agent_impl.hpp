// The agent's state shared by its endpoints: options, token, trust, events, the readers in use, and each caller's
// last chip photo (kept only until that caller's next read, wiped when replaced).
#pragma once

#include "cccd/error.hpp"
#include "cccd/face.hpp"
#include "cccd/readers.hpp"
#include "cccd/trust_store.hpp"
#include "service/agent.hpp"
#include "service/caller_check.hpp"
#include "service/event_hub.hpp"
#include "service/http_error.hpp"

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <functional>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <vector>

namespace cccd::service {

struct Agent::Impl {
    AgentOptions options;
    std::string token;
    std::shared_ptr<const TrustStore> trust;
    EventHub events;
    httplib::Server server;
    std::unique_ptr<ReaderMonitor> monitor;

    std::mutex busyMutex;
    std::set<std::string> busyReaders; ///< "" while a read waits for any reader

    std::mutex faceMutex;
    std::map<std::string, std::vector<std::uint8_t>> lastChipPhoto; ///< by caller
    std::unique_ptr<FaceMatcher> matcher;                            ///< loaded on first use
    /** Wipes and drops a caller's last chip photo (before a new one, or when the caller asks). Takes faceMutex. */
    void forgetChipPhoto(const std::string& caller);

    using Handler = std::function<nlohmann::json(const httplib::Request&, const CallerDecision&)>;
    /** A JSON endpoint behind the caller check, with CORS, error answers and one log line per request. */
    void route(const std::string& method, const std::string& path, bool open, Handler handler);

    void addCardEndpoints();
    void addFaceEndpoints();
    void addEventEndpoint();
    FaceMatcher& faceMatcher();
};

/** The HTTP status and code of an SDK error (wrong_key, no_card, card_removed, ...). */
HttpError httpErrorFor(const Error& error);

/** The request body as JSON; throws HttpError 400 with the parser's message. */
nlohmann::json jsonBody(const httplib::Request& request);

/** Base64 (standard alphabet) to bytes; throws HttpError 400 naming the field. */
std::vector<std::uint8_t> fromBase64(const std::string& text, const std::string& field);

} // namespace cccd::service
