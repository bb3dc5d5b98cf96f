// A connection to the card in one reader, and the channel that transmits APDUs to it inside a PC/SC
// transaction. The card is connected shared (other programs may read other readers) and the channel's
// transaction keeps other programs from interleaving commands, which would break secure messaging.
#pragma once

#include "transport/apdu_channel.hpp"
#include "transport/pcsc/pcsc_context.hpp"

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace cccd::pcsc {

class Card {
public:
    /** Connects to the card in the named reader (T=0 or T=1; contactless readers present T=1). */
    Card(const Context& context, std::string readerName);
    ~Card() noexcept;
    Card(const Card&) = delete;
    Card& operator=(const Card&) = delete;

    const std::string& readerName() const noexcept { return reader_; }
    std::vector<std::uint8_t> atr() const;
    /** Reconnects after a reset or when another program reset the card. */
    void reconnect(bool resetCard);

    /** What the reader can carry, from PC/SC where it says (PCSCv2 part 10 dwMaxAPDUDataSize,
     *  SCARD_ATTR_MAXINPUT), else nothing is known. */
    std::optional<ChannelLimits> readerLimits() const;

    /** Sends raw APDU bytes (no chaining); used by Channel. expectedResponse (data + SW) sets how long the card
     *  may take: a card silent past that is an error (Communication), never a hang. */
    std::vector<std::uint8_t> transmitRaw(const std::vector<std::uint8_t>& command, std::size_t expectedResponse = 258) const;

    std::intptr_t handle() const noexcept { return handle_; }
    const Context& context() const noexcept { return context_; }
    /** Throws a typed error for a failed call made while the context's watchdog was armed (call_watchdog.hpp). */
    void checkAnswered(const char* function, long code) const;

private:
    const Context& context_;
    std::string reader_;
    std::intptr_t handle_ = 0;
    unsigned long protocol_ = 0;
};

/** The only way to transmit: holds a PC/SC transaction for its lifetime (RAII). Raw: no response chaining. */
class Channel : public ApduChannel {
public:
    /** Begins a transaction on the card. limits: what upper layers may send (from the reader or a profile). */
    Channel(Card& card, ChannelLimits limits);
    ~Channel() noexcept override;

    ResponseApdu transmit(const CommandApdu& command) override;
    ChannelLimits limits() const override { return limits_; }
    /** Commands sent through this channel. */
    std::size_t commandCount() const noexcept { return count_; }

private:
    ResponseApdu exchange(const CommandApdu& command);

    Card& card_;
    ChannelLimits limits_;
    std::size_t count_ = 0;
    std::chrono::steady_clock::time_point deadline_; ///< a card that drips its data slowly still ends (read_limits.hpp)
};

} // namespace cccd::pcsc
