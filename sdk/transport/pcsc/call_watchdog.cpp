#include "transport/pcsc/call_watchdog.hpp"

#include <sys/socket.h>

namespace cccd::pcsc {

CallWatchdog::~CallWatchdog()
{
    {
        std::lock_guard<std::mutex> lock(mutex_);
        stopping_ = true;
    }
    changed_.notify_all();
    if (thread_.joinable()) thread_.join();
}

CallWatchdog::Armed CallWatchdog::arm(std::chrono::milliseconds limit)
{
    if (socket_ >= 0) {
        std::lock_guard<std::mutex> lock(mutex_);
        deadline_ = std::chrono::steady_clock::now() + limit;
        if (!thread_.joinable()) thread_ = std::thread([this] { run(); });
    }
    changed_.notify_all();
    return Armed(*this);
}

void CallWatchdog::disarm()
{
    {
        std::lock_guard<std::mutex> lock(mutex_);
        deadline_.reset();
    }
    changed_.notify_all();
}

bool CallWatchdog::fired() const
{
    std::lock_guard<std::mutex> lock(mutex_);
    return fired_;
}

void CallWatchdog::run()
{
    std::unique_lock<std::mutex> lock(mutex_);
    while (!stopping_) {
        if (!deadline_) {
            changed_.wait(lock);
            continue;
        }
        if (changed_.wait_until(lock, *deadline_) == std::cv_status::timeout && deadline_ && std::chrono::steady_clock::now() >= *deadline_) {
            // The fd stays open (pcsc-lite closes it when the context is released), so its number cannot be reused
            // by anything else while the context lives.
            ::shutdown(socket_, SHUT_RDWR);
            fired_ = true;
            deadline_.reset();
        }
    }
}

} // namespace cccd::pcsc
