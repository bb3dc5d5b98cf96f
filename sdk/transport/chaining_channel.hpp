// Hides ISO 7816-4 response chaining: 61xx is followed by GET RESPONSE until the data is complete, and
// 6Cxx resends the command with the Le the card asked for. It sits below secure messaging.
#pragma once

#include "transport/apdu_channel.hpp"

namespace cccd {

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
