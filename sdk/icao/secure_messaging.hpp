// ICAO 9303-11 §9.8 secure messaging on both sides of the link, with one framing implementation:
// the terminal protects commands and unprotects responses; the chip (the virtual card) does the reverse.
// Every MAC is checked before any data is used, in constant time, and a failure is final.
#pragma once

#include "cccd/error.hpp"
#include "icao/sm_keys.hpp"
#include "transport/apdu.hpp"

#include <string>

namespace cccd::icao {

/** A secure-messaging MAC or framing failure. The session is over: callers must start access control again. */
class SecureMessagingError : public Error {
public:
    explicit SecureMessagingError(const std::string& message) : Error(ErrorKind::Communication, "secure messaging: " + message) {}
};

class SecureMessaging {
public:
    explicit SecureMessaging(SmKeys keys) : keys_(std::move(keys)) {}

    // Terminal side.
    /** Wraps a plain command: DO'87'/'85' (encrypted data), DO'97' (Le), DO'8E' (MAC). */
    CommandApdu protectCommand(const CommandApdu& plain);
    /** Checks DO'8E', then returns the decrypted data and the SW from DO'99'. A plain error SW without
     *  data (a chip may refuse a command, e.g. 6700 to an extended length, before secure messaging) is
     *  returned as it is and the SSC goes back to its value before the command, as such a chip has not
     *  counted it; plain data is never accepted. */
    ResponseApdu unprotectResponse(const ResponseApdu& protectedResponse);

    // Chip side.
    /** Checks the MAC of a protected command and returns the plain command. */
    CommandApdu unprotectCommand(const CommandApdu& protectedCommand);
    /** Wraps a plain response: DO'87'/'85', DO'99', DO'8E'. */
    ResponseApdu protectResponse(const ResponseApdu& plain, std::uint8_t ins);

    const SmKeys& keys() const noexcept { return keys_; }

private:
    SmKeys keys_;
    Bytes sscBeforeCommand_;
};

} // namespace cccd::icao
