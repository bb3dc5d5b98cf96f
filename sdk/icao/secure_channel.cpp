#include "icao/secure_channel.hpp"

namespace cccd::icao {

ResponseApdu SecureChannel::transmit(const CommandApdu& command)
{
    if (!open_) throw SecureMessagingError("the session has ended; access control must run again");
    try {
        CommandApdu wrapped = sm_.protectCommand(command);
        return sm_.unprotectResponse(inner_.transmit(wrapped));
    } catch (const SecureMessagingError&) {
        open_ = false;
        throw;
    } catch (const ParseError&) {
        open_ = false; // malformed protected data: the chip and we no longer agree on the SSC
        throw;
    }
}

void SecureChannel::rekey(SecureMessaging sm)
{
    sm_ = std::move(sm);
    open_ = true;
}

} // namespace cccd::icao
