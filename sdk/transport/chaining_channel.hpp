// Hides ISO 7816-4 response chaining: 61xx is followed by GET RESPONSE until the data is complete, and
// 6Cxx resends the command with the Le the card asked for. It sits below secure messaging.
#pragma once

#include "transport/apdu_channel.hpp"

namespace cccd {

/** Throws CardStatusError (Communication) when `received` bytes of an answer to `sent` exceed `allowed`: a card never
 *  sends more than Ne (ISO/IEC 7816-4 5.1; none to a command without Le), so more is a broken or hostile chip, refused before anything parses it.
 *  Secure messaging checks its plain answers with it too: there the Le is inside the cryptogram. */
void requireWithinLe(const CommandApdu& sent, const ResponseApdu& answer, std::size_t allowed, std::size_t received);

class ChainingChannel : public ApduChannel {
public:
    /** Wraps inner (not owned; it must outlive this channel). */
    explicit ChainingChannel(ApduChannel& inner) : inner_(inner) {}

    ResponseApdu transmit(const CommandApdu& command) override;
    ChannelLimits limits() const override { return inner_.limits(); }

private:
    ApduChannel& inner_;
};

} // namespace cccd
