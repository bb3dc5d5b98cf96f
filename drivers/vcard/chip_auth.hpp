// The chip's side of Chip Authentication (ICAO 9303-11 §6.2: MSE:Set AT + GENERAL AUTHENTICATE for AES,
// MSE:Set KAT for 3DES) and Active Authentication (§6.1: INTERNAL AUTHENTICATE).
#pragma once

#include "crypto/crypto.hpp"
#include "crypto/openssl_handles.hpp"
#include "icao/secure_messaging.hpp"
#include "transport/apdu.hpp"

#include <optional>

namespace cccd::vcard {

class ChipAuthenticationResponder {
public:
    /** chipKey (not owned) must outlive the responder; protocol: the id-CA OID of DG14. Throws
     *  Error(InvalidArgument) for a protocol that names no cipher. */
    ChipAuthenticationResponder(EVP_PKEY* chipKey, std::string protocol);
    /** MSE:Set AT (41 A4) choosing the chip's CA protocol, or MSE:Set KAT (41 A6, 3DES protocols only) carrying
     *  the terminal key. */
    ResponseApdu mse(const CommandApdu& command);
    /** GENERAL AUTHENTICATE with 7C { 80 terminal key }. */
    ResponseApdu generalAuthenticate(const CommandApdu& command);
    /** The new secure messaging, to take effect after the current answer has gone out. */
    std::optional<icao::SecureMessaging>& pending() noexcept { return pending_; }

private:
    ResponseApdu agree(ByteView terminalKey);
    EVP_PKEY* key_;
    std::string protocol_;
    crypto::Cipher cipher_;
    bool selected_ = false;
    std::optional<icao::SecureMessaging> pending_;
};

/** INTERNAL AUTHENTICATE: ECDSA (SHA-256, plain r||s) or RSA (ISO/IEC 9796-2 scheme 1, SHA-1, trailer BC). */
ResponseApdu activeAuthenticate(EVP_PKEY* key, const CommandApdu& command);

} // namespace cccd::vcard
