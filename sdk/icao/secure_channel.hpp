// An ApduChannel that applies secure messaging to everything sent through it, so upper layers
// (file reading, chip authentication) do not know SM exists. After any SM failure the channel is
// closed: the chip has ended the session too, and access control must start again.
#pragma once

#include "icao/secure_messaging.hpp"
#include "transport/apdu_channel.hpp"

#include <memory>

namespace cccd::icao {

class SecureChannel : public ApduChannel {
public:
    /** inner is not owned and must outlive this channel. */
    SecureChannel(ApduChannel& inner, SecureMessaging sm) : inner_(inner), sm_(std::move(sm)) {}

    ResponseApdu transmit(const CommandApdu& command) override;
    /** The inner channel's limits: the file reader sizes plain blocks, SM overhead is handled here. */
    ChannelLimits limits() const override { return inner_.limits(); }

    bool isOpen() const noexcept { return open_; }
    /** Replaces the keys (Chip Authentication re-keys the channel). */
    void rekey(SecureMessaging sm);
    const SecureMessaging& secureMessaging() const noexcept { return sm_; }

private:
    ApduChannel& inner_;
    SecureMessaging sm_;
    bool open_ = true;
};

} // namespace cccd::icao
