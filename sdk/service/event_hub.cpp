#include "service/event_hub.hpp"

#include <algorithm>

namespace cccd::service {

namespace {
constexpr std::size_t maxQueued = 256;
} // namespace

std::shared_ptr<EventHub::Subscription> EventHub::subscribe(const std::string& caller)
{
    std::lock_guard<std::mutex> lock(mutex_);
    subscribers_.push_back(std::make_shared<Subscription>());
    subscribers_.back()->caller = caller;
    return subscribers_.back();
}

void EventHub::unsubscribe(const std::shared_ptr<Subscription>& s)
{
    std::lock_guard<std::mutex> lock(mutex_);
    subscribers_.erase(std::remove(subscribers_.begin(), subscribers_.end(), s), subscribers_.end());
}

void EventHub::publish(const std::string& event, const nlohmann::json& data, const std::optional<std::string>& onlyCaller)
{
    std::string frame = "event: " + event + "\ndata: " + data.dump() + "\n\n";
    {
        std::lock_guard<std::mutex> lock(mutex_);
        for (const auto& s : subscribers_) {
            if (onlyCaller && s->caller != *onlyCaller) continue;
            if (s->frames.size() >= maxQueued) s->frames.pop_front();
            s->frames.push_back(frame);
        }
    }
    changed_.notify_all();
}

std::optional<std::string> EventHub::next(Subscription& s, std::chrono::milliseconds timeout)
{
    std::unique_lock<std::mutex> lock(mutex_);
    changed_.wait_for(lock, timeout, [&] { return closed_ || !s.frames.empty(); });
    if (closed_ || s.frames.empty()) return std::nullopt;
    std::string frame = std::move(s.frames.front());
    s.frames.pop_front();
    return frame;
}

void EventHub::close()
{
    {
        std::lock_guard<std::mutex> lock(mutex_);
        closed_ = true;
    }
    changed_.notify_all();
}

bool EventHub::closed() const
{
    std::lock_guard<std::mutex> lock(mutex_);
    return closed_;
}

} // namespace cccd::service
