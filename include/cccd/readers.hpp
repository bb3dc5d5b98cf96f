// Card readers: list them, wait for a card, and follow readers and cards coming and going.
// Works with any PC/SC reader through pcsc-lite (pcscd must be running).
#pragma once

#include "cccd/error.hpp"

#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace cccd {

/** One reader as PC/SC sees it now. */
struct ReaderInfo {
    std::string name;         ///< the PC/SC reader name
    bool cardPresent = false; ///< a card is on the reader
    std::string atrHex; ///< ATR of the card in the reader, upper-case hex; empty without a card
};

/** Cards on more than one reader and no reader named: reading one of them would be a guess (cards stacked on a
 *  counter's reader, or two readers with a card each). Kind NoReader, as for a name that matches several readers. */
class SeveralCards : public Error {
public:
    /** readers: the readers holding a card. */
    explicit SeveralCards(std::vector<std::string> readers);
    const std::vector<std::string>& readers() const noexcept { return readers_; } ///< the readers holding a card

private:
    std::vector<std::string> readers_;
};

/** Every attached reader. Empty when none is attached; throws Error(ServiceUnavailable) when pcscd is down. */
std::vector<ReaderInfo> listReaders();

/** Picks a reader by exact name, by position ("0", "1", ...), by a part of its name (case-insensitive, when only
 *  one reader has it) or, when empty, the one with a card (else the first one). Throws Error(NoReader) with
 *  the list of readers when nothing or several match, SeveralCards when empty and several readers hold a card. */
std::string chooseReader(const std::string& nameOrIndex);

/** Waits until a card is on the reader (any reader when name is empty) and returns the reader's name.
 *  Throws Error(NoCard) when the timeout passes first, SeveralCards when name is empty and cards are on several. */
std::string waitForCard(const std::string& readerName, std::chrono::milliseconds timeout);

/** Waits until the card leaves the reader (any reader's card when name is empty: the first to go). True when it
 *  did, false at the timeout. */
bool waitForCardRemoval(const std::string& readerName, std::chrono::milliseconds timeout);

enum class ReaderEventType { ReaderAdded, ReaderRemoved, CardInserted, CardRemoved };

/** A reader or a card came or went. */
struct ReaderEvent {
    ReaderEventType type; ///< what happened
    std::string reader;   ///< on which reader (its PC/SC name)
};

/** Reports readers and cards coming and going from a background thread. On start it reports the
 *  current readers and cards. The callback runs on the monitor's thread; keep it short. */
class ReaderMonitor {
public:
    /** Starts the thread; onEvent hears every event, beginning with the readers and cards there now. */
    explicit ReaderMonitor(std::function<void(const ReaderEvent&)> onEvent);
    /** Stops the thread promptly (SCardCancel) and joins it. */
    ~ReaderMonitor();
    ReaderMonitor(const ReaderMonitor&) = delete;
    ReaderMonitor& operator=(const ReaderMonitor&) = delete;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

} // namespace cccd
