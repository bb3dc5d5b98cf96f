// listReaders, chooseReader and waitForCard of the public API.
#include "cccd/readers.hpp"

#include "cccd/error.hpp"
#include "core/bytes.hpp"
#include "transport/pcsc/pcsc_context.hpp"
#include "transport/pcsc/pcsc_error.hpp"

#include <winscard.h>

#include <algorithm>
#include <cctype>
#include <optional>

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

std::string lowerCase(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

std::string severalCardsMessage(const std::vector<std::string>& readers)
{
    std::string names;
    for (const std::string& name : readers) names += (names.empty() ? "" : ", ") + name;
    return (readers.size() == 2 ? std::string("two") : std::to_string(readers.size())) + " cards are present (" + names +
           "): remove one, or name the reader";
}

// The one reader holding a card, when no reader was named; nothing when none does. Two cards at a counter are
// never read by guess: the clerk would file one person's data under the other's visit.
std::optional<std::string> theReaderWithACard(const std::vector<pcsc::ReaderState>& readers)
{
    std::vector<std::string> withCard;
    for (const pcsc::ReaderState& r : readers) {
        if (r.cardPresent) withCard.push_back(r.name);
    }
    if (withCard.size() > 1) throw SeveralCards(withCard);
    if (withCard.empty()) return std::nullopt;
    return withCard.front();
}
} // namespace

SeveralCards::SeveralCards(std::vector<std::string> readers) : Error(ErrorKind::NoReader, severalCardsMessage(readers)), readers_(std::move(readers)) {}

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
    if (nameOrIndex.empty()) return theReaderWithACard(readers).value_or(readers.front().name);
    for (const pcsc::ReaderState& r : readers) {
        if (r.name == nameOrIndex) return r.name;
    }
    if (isIndex(nameOrIndex)) {
        std::size_t index = std::stoul(nameOrIndex);
        if (index < readers.size()) return readers[index].name;
    }
    // Names are long and vendor-cased ("ACS ACR1252 Dual Reader [ACR1252 Dual Reader PICC] 00 00"): a part will do.
    std::vector<std::string> matches;
    for (const pcsc::ReaderState& r : readers) {
        if (lowerCase(r.name).find(lowerCase(nameOrIndex)) != std::string::npos) matches.push_back(r.name);
    }
    if (matches.size() == 1) return matches.front();
    std::string problem = matches.empty() ? "no reader '" + nameOrIndex + "'" : "'" + nameOrIndex + "' matches several readers";
    throw Error(ErrorKind::NoReader, problem + "; readers: " + listForMessage(readers));
}

namespace {
// Waits until a reader (the named one, or any) shows (or no longer shows) a card; returns its name, or nothing at the deadline.
std::optional<std::string> waitForCardState(const std::string& readerName, bool present, std::chrono::milliseconds timeout)
{
    pcsc::Context context;
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    for (;;) {
        std::vector<pcsc::ReaderState> readers = context.readerStates();
        if (readerName.empty() && present) {
            if (std::optional<std::string> reader = theReaderWithACard(readers)) return reader;
        }
        bool seen = false;
        for (const pcsc::ReaderState& r : readers) {
            if (!readerName.empty() && r.name != readerName) continue;
            seen = true;
            if (r.cardPresent == present) return r.name;
        }
        if (!present && !seen) return readerName; // the reader itself is gone: so is its card
        auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0) return std::nullopt;
        // Sleep in pcscd until a reader or card changes, or the deadline.
        LONG rv = context.waitForChange(readers, static_cast<unsigned long>(left.count()));
        if (rv != SCARD_S_SUCCESS && rv != SCARD_E_TIMEOUT && rv != SCARD_E_UNKNOWN_READER) {
            pcsc::check("SCardGetStatusChange", rv);
        }
    }
}
} // namespace

std::string waitForCard(const std::string& readerName, std::chrono::milliseconds timeout)
{
    if (std::optional<std::string> reader = waitForCardState(readerName, true, timeout)) return *reader;
    throw Error(ErrorKind::NoCard, "no card was presented within " + std::to_string(timeout.count() / 1000.0).substr(0, 4) + " s" +
                                       (readerName.empty() ? "" : " on " + readerName));
}

bool waitForCardRemoval(const std::string& readerName, std::chrono::milliseconds timeout)
{
    return waitForCardState(readerName, false, timeout).has_value();
}

} // namespace cccd
