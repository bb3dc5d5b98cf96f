// ReaderMonitor: a thread blocked in SCardGetStatusChange on all readers plus the PnP pseudo-reader.
#include "cccd/error.hpp"
#include "cccd/readers.hpp"
#include "core/log.hpp"
#include "transport/pcsc/pcsc_context.hpp"

#include <winscard.h>

#include <atomic>
#include <condition_variable>
#include <map>
#include <mutex>
#include <thread>

namespace cccd {

namespace {
constexpr DWORD pollMs = 1000; // upper bound on a wait even if SCardCancel is missed
} // namespace

struct ReaderMonitor::Impl {
    std::function<void(const ReaderEvent&)> onEvent;
    std::atomic<bool> stopping{false};
    std::mutex mutex;
    std::condition_variable wake;
    std::atomic<std::intptr_t> activeContext{0};
    std::thread thread;

    void run();
    void watch(pcsc::Context& context, std::map<std::string, bool>& known);
    void sleepBeforeRetry()
    {
        std::unique_lock<std::mutex> lock(mutex);
        wake.wait_for(lock, std::chrono::seconds(1), [this] { return stopping.load(); });
    }
};

void ReaderMonitor::Impl::run()
{
    std::map<std::string, bool> known; // reader -> card present
    while (!stopping) {
        try {
            pcsc::Context context;
            activeContext = context.handle();
            watch(context, known);
            activeContext = 0;
        } catch (const Error& e) {
            activeContext = 0;
            log::warn(std::string("reader monitor: ") + e.what());
            sleepBeforeRetry(); // pcscd down or restarting: try again
        }
    }
}

void ReaderMonitor::Impl::watch(pcsc::Context& context, std::map<std::string, bool>& known)
{
    while (!stopping) {
        std::vector<pcsc::ReaderState> now = context.readerStates();
        std::map<std::string, bool> current;
        for (const pcsc::ReaderState& r : now) current[r.name] = r.cardPresent;
        for (const auto& [name, present] : known) {
            if (!current.count(name)) {
                if (present) onEvent({ReaderEventType::CardRemoved, name});
                onEvent({ReaderEventType::ReaderRemoved, name});
            }
        }
        for (const auto& [name, present] : current) {
            auto old = known.find(name);
            if (old == known.end()) onEvent({ReaderEventType::ReaderAdded, name});
            bool had = old != known.end() && old->second;
            if (present && !had) onEvent({ReaderEventType::CardInserted, name});
            if (!present && had) onEvent({ReaderEventType::CardRemoved, name});
        }
        known = std::move(current);

        LONG rv = context.waitForChange(now, pollMs);
        if (rv == SCARD_E_CANCELLED) return;
        if (rv == SCARD_E_NO_SERVICE || rv == SCARD_E_SERVICE_STOPPED) {
            throw Error(ErrorKind::ServiceUnavailable, "pcscd stopped");
        }
        // Timeouts and changes both lead to a fresh look at the readers.
    }
}

ReaderMonitor::ReaderMonitor(std::function<void(const ReaderEvent&)> onEvent) : impl_(std::make_unique<Impl>())
{
    impl_->onEvent = std::move(onEvent);
    impl_->thread = std::thread([impl = impl_.get()] { impl->run(); });
}

ReaderMonitor::~ReaderMonitor()
{
    impl_->stopping = true;
    impl_->wake.notify_all();
    if (std::intptr_t ctx = impl_->activeContext.load()) SCardCancel(static_cast<SCARDCONTEXT>(ctx));
    impl_->thread.join();
}

} // namespace cccd
