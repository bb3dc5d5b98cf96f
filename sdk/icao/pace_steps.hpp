// The computations PACE shares between terminal and chip (ICAO 9303-11 §4.4), as free functions so
// each can be checked against the worked examples on its own.
#pragma once

#include "core/bytes.hpp"
#include "core/secure.hpp"
#include "core/tlv.hpp"
#include "icao/pace_protocol.hpp"
#include "icao/secure_messaging.hpp"

#include <string>

namespace cccd::icao {

/** π: the CAN as ASCII digits, or SHA-1(MRZ_information) (all 20 bytes) for the MRZ. */
SecureBytes pacePassword(PacePassword kind, ByteView secret);

/** K_π = KDF(π, 3). */
SecureBytes passwordKey(ByteView password, crypto::Cipher cipher);

/** The nonce s under K_π: z = E(K_π, s) and back (CBC, zero IV). */
Bytes encryptNonce(crypto::Cipher cipher, ByteView passwordKey, ByteView nonce);
Bytes decryptNonce(crypto::Cipher cipher, ByteView passwordKey, ByteView encryptedNonce);

/** Secure messaging from the shared secret: KS_enc = KDF(K, 1), KS_mac = KDF(K, 2), SSC zero. */
SecureMessaging sessionFromSharedSecret(ByteView sharedSecret, crypto::Cipher cipher);

/** The public key data object 7F49 { 06 OID, 86/84 key } that the tokens are computed over. */
Bytes publicKeyDataObject(const std::string& protocolOid, std::uint8_t keyTag, ByteView publicKey);

/** Authentication token T = MAC(KS_mac, public key data object), 8 bytes. */
Bytes authenticationToken(crypto::Cipher cipher, ByteView macKey, ByteView publicKeyDataObject);

/** 7C { tag value } of GENERAL AUTHENTICATE. */
Bytes dynamicAuthenticationData(std::uint8_t tag, ByteView value);

/** The value of the given tag inside 7C. Throws ParseError naming the step when absent or malformed. */
Bytes dynamicAuthenticationValue(ByteView data, std::uint8_t tag, const std::string& step);

} // namespace cccd::icao
