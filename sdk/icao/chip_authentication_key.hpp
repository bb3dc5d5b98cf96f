// The chip's static Chip Authentication key (ICAO 9303-11 §6.2, §9.2.6) as a key agreement group and a
// public value, and the cipher a ChipAuthenticationInfo names. The virtual chip builds its side from its
// own key pair with the same code, so terminal and chip compute in the same group.
#pragma once

#include "crypto/crypto.hpp"
#include "crypto/openssl_handles.hpp"
#include "icao/key_agreement_group.hpp"

#include <memory>
#include <optional>
#include <string>

namespace cccd::icao {

struct StaticKey {
    std::unique_ptr<KeyAgreementGroup> group;
    Bytes publicKey; ///< an uncompressed point, or the DH value as wide as p
};

/** A SubjectPublicKeyInfo (DER) as an OpenSSL key; null if OpenSSL cannot decode it. */
crypto::PKey decodePublicKey(ByteView subjectPublicKeyInfo);

/** The group and public value of an EC key (a named curve, or explicit parameters OpenSSL matches to one by
 *  p, a, b, G and n) or a DH key (PKCS#3 dhKeyAgreement: p, g; X9.42 dhpublicnumber: p, g, q).
 *  Throws Error(Unsupported) whose message starts with "the SDK cannot use this DG14 key". */
StaticKey staticKeyOf(EVP_PKEY* key);

/** The cipher of id-CA-DH-<cipher> or id-CA-ECDH-<cipher>; nothing for other OIDs. */
std::optional<crypto::Cipher> chipAuthenticationCipher(const std::string& protocol);

/** The key type a CA protocol runs with: id-PK-DH for id-CA-DH-*, id-PK-ECDH for id-CA-ECDH-*, else empty. */
std::string publicKeyProtocolFor(const std::string& caProtocol);

} // namespace cccd::icao
