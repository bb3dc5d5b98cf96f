// A time limit on PC/SC calls that pcsc-lite would let block forever: when an armed call outlives its limit,
// the watchdog shuts the context's socket to pcscd down, the call returns an error at once, and the context is
// dead from then on (every later call on it fails fast). One thread per watchdog, started at the first arm.
#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <thread>

namespace cccd::pcsc {

class CallWatchdog {
public:
    /** socket: the context's connection to pcscd (client_socket.hpp); -1 disables the watchdog. */
    explicit CallWatchdog(int socket) : socket_(socket) {}
    ~CallWatchdog();
    CallWatchdog(const CallWatchdog&) = delete;
    CallWatchdog& operator=(const CallWatchdog&) = delete;

    /** Disarms when it goes out of scope. */
    class Armed {
    public:
        explicit Armed(CallWatchdog& dog) : dog_(dog) {}
        ~Armed() { dog_.disarm(); }
        Armed(const Armed&) = delete;
        Armed& operator=(const Armed&) = delete;

    private:
        CallWatchdog& dog_;
    };

    /** Cuts the connection if the call made while the result lives takes longer than limit. */
    [[nodiscard]] Armed arm(std::chrono::milliseconds limit);
    /** True once the watchdog cut the connection. */
    bool fired() const;

private:
    void disarm();
    void run();

    int socket_;
    mutable std::mutex mutex_;
    std::condition_variable changed_;
    std::optional<std::chrono::steady_clock::time_point> deadline_;
    bool fired_ = false, stopping_ = false;
    std::thread thread_;
};

} // namespace cccd::pcsc
