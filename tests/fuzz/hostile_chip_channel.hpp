// A hostile chip for protocol targets: every command gets the next piece of the fuzz input as its raw answer
// (data + SW); when the input runs out the card is gone, as when it is pulled.
#pragma once

#include "input_pieces.hpp"
#include "transport/apdu_channel.hpp"

namespace cccd::fuzz {

class FuzzChannel : public ApduChannel {
public:
    explicit FuzzChannel(FuzzInput& input, ChannelLimits limits = {true, 65544, 65538}) : input_(input), limits_(limits) {}

    ResponseApdu transmit(const CommandApdu& command) override;
    ChannelLimits limits() const override { return limits_; }

private:
    FuzzInput& input_;
    ChannelLimits limits_;
};

} // namespace cccd::fuzz
