// An RAII PC/SC context (SCardEstablishContext / SCardReleaseContext).
#pragma once

#include "transport/pcsc/call_watchdog.hpp"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace cccd::pcsc {

/** State of one reader as PC/SC reports it. */
struct ReaderState {
    std::string name;
    bool cardPresent = false;
    std::vector<std::uint8_t> atr;
};

class Context {
public:
    /** Throws PcscError (ServiceUnavailable when pcscd is not running). */
    Context();
    ~Context() noexcept;
    Context(const Context&) = delete;
    Context& operator=(const Context&) = delete;

    /** Reader names; empty when no reader is attached. */
    std::vector<std::string> readerNames() const;
    /** Names with card presence and ATR, read without waiting. */
    std::vector<ReaderState> readerStates() const;
    /** Blocks in pcscd until a reader is added or removed, or a card arrives or leaves compared with
     *  known, or timeoutMs passes. Returns the raw SCARD code (success, timeout, cancelled, ...). */
    long waitForChange(const std::vector<ReaderState>& known, unsigned long timeoutMs) const;
    /** The SCARDCONTEXT, for the other wrappers in this folder. */
    std::intptr_t handle() const noexcept { return handle_; }
    /** Limits the calls on cards of this context that pcscd might never answer (call_watchdog.hpp). */
    CallWatchdog& watchdog() const noexcept { return *watchdog_; }

private:
    std::intptr_t handle_ = 0;
    std::unique_ptr<CallWatchdog> watchdog_;
};

} // namespace cccd::pcsc
