#include "transport/pcsc/pcsc_context.hpp"

#include "transport/pcsc/client_socket.hpp"
#include "transport/pcsc/pcsc_error.hpp"

#include <winscard.h>

namespace cccd::pcsc {

Context::Context()
{
    SCARDCONTEXT ctx = 0;
    LONG rv = SCARD_S_SUCCESS;
    int socket = socketOpenedBy([&] { rv = SCardEstablishContext(SCARD_SCOPE_USER, nullptr, nullptr, &ctx); });
    check("SCardEstablishContext", rv);
    handle_ = static_cast<std::intptr_t>(ctx);
    watchdog_ = std::make_unique<CallWatchdog>(socket);
}

Context::~Context() noexcept { SCardReleaseContext(static_cast<SCARDCONTEXT>(handle_)); }

std::vector<std::string> Context::readerNames() const
{
    DWORD size = 0;
    LONG rv = SCardListReaders(static_cast<SCARDCONTEXT>(handle_), nullptr, nullptr, &size);
    if (rv == SCARD_E_NO_READERS_AVAILABLE) return {};
    check("SCardListReaders", rv);
    std::string multi(size, '\0');
    rv = SCardListReaders(static_cast<SCARDCONTEXT>(handle_), nullptr, multi.data(), &size);
    if (rv == SCARD_E_NO_READERS_AVAILABLE) return {};
    check("SCardListReaders", rv);
    multi.resize(size);
    std::vector<std::string> names;
    // A multi-string: names separated by NUL, ending with an empty name.
    for (std::size_t start = 0; start < multi.size();) {
        std::size_t end = multi.find('\0', start);
        if (end == std::string::npos) end = multi.size();
        if (end == start) break;
        names.push_back(multi.substr(start, end - start));
        start = end + 1;
    }
    return names;
}

std::vector<ReaderState> Context::readerStates() const
{
    std::vector<std::string> names = readerNames();
    if (names.empty()) return {};
    std::vector<SCARD_READERSTATE> states(names.size());
    for (std::size_t i = 0; i < names.size(); ++i) {
        states[i].szReader = names[i].c_str();
        states[i].dwCurrentState = SCARD_STATE_UNAWARE;
    }
    check("SCardGetStatusChange",
          SCardGetStatusChange(static_cast<SCARDCONTEXT>(handle_), 0, states.data(), static_cast<DWORD>(states.size())));
    std::vector<ReaderState> out;
    for (std::size_t i = 0; i < names.size(); ++i) {
        ReaderState s;
        s.name = names[i];
        s.cardPresent = (states[i].dwEventState & SCARD_STATE_PRESENT) != 0;
        if (s.cardPresent) s.atr.assign(states[i].rgbAtr, states[i].rgbAtr + std::min<DWORD>(states[i].cbAtr, MAX_ATR_SIZE));
        out.push_back(std::move(s));
    }
    return out;
}

long Context::waitForChange(const std::vector<ReaderState>& known, unsigned long timeoutMs) const
{
    // The PnP pseudo-reader reports readers coming and going; its state carries the reader count.
    std::vector<SCARD_READERSTATE> states(known.size() + 1);
    states[0].szReader = "\\\\?PnP?\\Notification";
    states[0].dwCurrentState = static_cast<DWORD>(known.size()) << 16;
    for (std::size_t i = 0; i < known.size(); ++i) {
        states[i + 1].szReader = known[i].name.c_str();
        states[i + 1].dwCurrentState = known[i].cardPresent ? SCARD_STATE_PRESENT : SCARD_STATE_EMPTY;
    }
    return SCardGetStatusChange(static_cast<SCARDCONTEXT>(handle_), static_cast<DWORD>(timeoutMs), states.data(),
                                static_cast<DWORD>(states.size()));
}

} // namespace cccd::pcsc
