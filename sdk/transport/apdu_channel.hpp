// The one interface protocol code talks to. Implementations: PC/SC, secure messaging (a decorator),
// response chaining (a decorator) and a scripted channel for unit tests.
#pragma once

#include "transport/apdu.hpp"

#include <cstddef>

namespace cccd {

/** What a channel can carry. Upper layers size READ BINARY blocks from this. */
struct ChannelLimits {
    bool extendedLength = false;     ///< extended Lc/Le fields are passed through
    std::size_t maxCommandBytes = 261;   ///< largest encoded command APDU (short: 4 + 1 + 255 + 1)
    std::size_t maxResponseBytes = 258;  ///< largest response including SW (short: 256 + 2)
};

class ApduChannel {
public:
    virtual ~ApduChannel() = default;
    ApduChannel() = default;
    ApduChannel(const ApduChannel&) = delete;
    ApduChannel& operator=(const ApduChannel&) = delete;

    /** Sends one command and returns the card's answer. Status words are returned, not thrown:
     *  deciding which SW is an error belongs to the protocol step that sent the command. */
    virtual ResponseApdu transmit(const CommandApdu& command) = 0;
    virtual ChannelLimits limits() const = 0;
};

} // namespace cccd
