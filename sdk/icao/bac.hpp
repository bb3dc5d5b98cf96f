// Basic Access Control (ICAO 9303-11 §4.3): mutual authentication with keys from the MRZ, then
// 3DES secure messaging. The terminal side talks to an ApduChannel; the chip side is for the virtual card.
#pragma once

#include "cccd/access_key.hpp"
#include "crypto/crypto.hpp"
#include "icao/secure_messaging.hpp"
#include "transport/apdu_channel.hpp"

#include <optional>

namespace cccd::icao {

/** Runs BAC. Throws Error(AccessDenied) naming the step and SW when the chip refuses the MRZ key. */
SecureMessaging performBac(ApduChannel& channel, const MrzKeyData& key, crypto::Random& random);

/** The chip's half of BAC, driven by the commands the terminal sends. */
class BacResponder {
public:
    explicit BacResponder(const MrzKeyData& key, crypto::Random& random);
    /** Answers GET CHALLENGE (00 84 00 00 08). */
    ResponseApdu getChallenge(const CommandApdu& command);
    /** Answers EXTERNAL AUTHENTICATE; on success the session keys are in established(). */
    ResponseApdu externalAuthenticate(const CommandApdu& command);
    /** The secure messaging keys after a successful EXTERNAL AUTHENTICATE. */
    std::optional<SecureMessaging>& established() noexcept { return established_; }

private:
    SecureBytes encKey_, macKey_;
    crypto::Random& random_;
    Bytes challenge_;
    std::optional<SecureMessaging> established_;
};

} // namespace cccd::icao
