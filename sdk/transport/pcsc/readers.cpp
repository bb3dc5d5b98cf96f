// listReaders, chooseReader and waitForCard of the public API.
#include "cccd/readers.hpp"

#include "cccd/error.hpp"
#include "core/bytes.hpp"
#include "transport/pcsc/pcsc_context.hpp"
#include "transport/pcsc/pcsc_error.hpp"

#include <winscard.h>

#include <algorithm>

namespace cccd {

namespace {

bool isIndex(const std::string& s)
{
    return !s.empty() && s.size() < 4 && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string listForMessage(const std::vector<pcsc::ReaderState>& readers)
{
    std::string out;
    for (std::size_t i = 0; i < readers.size(); ++i) out += (i ? ", " : "") + std::to_string(i) + ": " + readers[i].name;
    return out.empty() ? "none" : out;
}
} // namespace

std::vector<ReaderInfo> listReaders()
{
    pcsc::Context context;
    std::vector<ReaderInfo> out;
    for (const pcsc::ReaderState& s : context.readerStates()) out.push_back({s.name, s.cardPresent, toHex(s.atr)});
    return out;
}

std::string chooseReader(const std::string& nameOrIndex)
{
    pcsc::Context context;
    std::vector<pcsc::ReaderState> readers = context.readerStates();
    if (readers.empty()) pcsc::throwPcscError("SCardListReaders", static_cast<std::uint32_t>(SCARD_E_NO_READERS_AVAILABLE));
    if (nameOrIndex.empty()) {
        auto withCard = std::find_if(readers.begin(), readers.end(), [](const pcsc::ReaderState& r) { return r.cardPresent; });
        return withCard != readers.end() ? withCard->name : readers.front().name;
    }
    for (const pcsc::ReaderState& r : readers) {
        if (r.name == nameOrIndex) return r.name;
    }
    if (isIndex(nameOrIndex)) {
        std::size_t index = std::stoul(nameOrIndex);
        if (index < readers.size()) return readers[index].name;
    }
    throw Error(ErrorKind::NoReader, "no reader '" + nameOrIndex + "'; readers: " + listForMessage(readers));
}

std::string waitForCard(const std::string& readerName, std::chrono::milliseconds timeout)
{
    pcsc::Context context;
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    for (;;) {
        std::vector<pcsc::ReaderState> readers = context.readerStates();
        for (const pcsc::ReaderState& r : readers) {
            if (r.cardPresent && (readerName.empty() || r.name == readerName)) return r.name;
        }
        auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0) {
            throw Error(ErrorKind::NoCard, "no card was presented within " + std::to_string(timeout.count() / 1000.0).substr(0, 4) +
                                               " s" + (readerName.empty() ? "" : " on " + readerName));
        }
        // Sleep in pcscd until a reader or card changes, or the deadline.
        LONG rv = context.waitForChange(readers, static_cast<unsigned long>(left.count()));
        if (rv != SCARD_S_SUCCESS && rv != SCARD_E_TIMEOUT && rv != SCARD_E_UNKNOWN_READER) {
            pcsc::check("SCardGetStatusChange", rv);
        }
    }
}

} // namespace cccd
