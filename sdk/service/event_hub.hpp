// Server-Sent Events for the pages and programs watching the agent: readers and cards coming and going, a read's
// progress, its early document and its end. Each subscriber has its own queue; a slow one loses old events rather
// than holding the others up.
#pragma once

#include <nlohmann/json.hpp>

#include <condition_variable>
#include <chrono>
#include <cstddef>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace cccd::service {

class EventHub {
public:
    struct Subscription;

    /** A new subscriber (caller: who it is, as CallerDecision::caller); it receives what is published from now on. */
    std::shared_ptr<Subscription> subscribe(const std::string& caller);
    void unsubscribe(const std::shared_ptr<Subscription>& subscription);
    /** One SSE frame ("event: NAME\ndata: JSON\n\n") to every subscriber, or only to those of one caller: a read's
     *  progress and early document are that caller's business, not every page's on this PC. */
    void publish(const std::string& event, const nlohmann::json& data, const std::optional<std::string>& onlyCaller = std::nullopt);
    /** The next frame for a subscriber, or nothing after the timeout (or when the hub closes). */
    std::optional<std::string> next(Subscription& subscription, std::chrono::milliseconds timeout);
    /** Wakes every subscriber for good (the agent stops). */
    void close();
    bool closed() const;

private:
    mutable std::mutex mutex_;
    std::condition_variable changed_;
    std::vector<std::shared_ptr<Subscription>> subscribers_;
    bool closed_ = false;
};

struct EventHub::Subscription {
    std::string caller;
    std::deque<std::string> frames;
};

} // namespace cccd::service
