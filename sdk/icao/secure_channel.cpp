#include "icao/secure_channel.hpp"

#include "transport/apdu_trace.hpp"
#include "transport/chaining_channel.hpp"

namespace cccd::icao {

ResponseApdu SecureChannel::transmit(const CommandApdu& command)
{
    if (!open_) throw SecureMessagingError("the session has ended; access control must run again");
    try {
        // Traced here, above the cryptogram, so the trace shows what was asked and answered in plain.
        return transport::traced("sm", command, [this](const CommandApdu& plain) {
            CommandApdu wrapped = sm_.protectCommand(plain);
            ResponseApdu answer = sm_.unprotectResponse(inner_.transmit(wrapped));
            // The protected command asks for the whole protected answer; the plain Le is only checked here.
            try {
                requireWithinLe(plain, answer, plain.ne(), answer.data().size());
            } catch (...) {
                wipe(answer.data()); // decrypted: it may be a piece of a file
                throw;
            }
            return answer;
        });
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
    log::debug("sm: session re-keyed");
}

} // namespace cccd::icao
