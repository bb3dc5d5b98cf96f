// The group PACE and Chip Authentication compute in: an elliptic curve (ECDH) or a prime-order subgroup
// of Z_p* (DH). Public keys travel as bytes: uncompressed points (04||X||Y) or big-endian integers as wide as p.
#pragma once

#include "core/bytes.hpp"
#include "core/secure.hpp"
#include "crypto/crypto.hpp"
#include "icao/bn_handles.hpp"

#include <memory>
#include <string>

namespace cccd::icao {

struct KeyPair {
    SecureBytes privateKey;
    Bytes publicKey;
};

class KeyAgreementGroup {
public:
    virtual ~KeyAgreementGroup() = default;

    virtual bool isEllipticCurve() const noexcept = 0;
    /** A fresh key pair; the private key is drawn from random (so worked examples can inject it). */
    virtual KeyPair generateKeyPair(crypto::Random& random) const = 0;
    /** The public key of a given private key. */
    virtual Bytes publicKeyOf(ByteView privateKey) const = 0;
    /** The shared secret: the x-coordinate (ECDH) or the value (DH), as wide as the field.
     *  Throws Error(Communication) if the peer's key is not a valid element of the group. */
    virtual SecureBytes sharedSecret(ByteView privateKey, ByteView peerPublicKey) const = 0;
    /** The shared element itself (the point H or the value h of Generic Mapping). */
    virtual Bytes sharedElement(ByteView privateKey, ByteView peerPublicKey) const = 0;
    /** Generic Mapping (ICAO 9303-11 §4.4.3.3.1): the group with generator s*G + H (or g^s * h). */
    virtual std::unique_ptr<KeyAgreementGroup> mapGeneric(ByteView nonce, ByteView sharedElement) const = 0;
    /** The tag of the public key inside a 7F49 public-key data object: 86 (EC point) or 84 (DH value). */
    virtual std::uint8_t publicKeyTag() const noexcept = 0;
};

/** Standardized domain parameters by ICAO 9303-11 parameter id: 0-2 (RFC 5114 DH), 8-18 (curves).
 *  Throws Error(Unsupported) for others. */
std::unique_ptr<KeyAgreementGroup> standardGroup(std::uint64_t parameterId);

/** An elliptic-curve group from an OpenSSL curve NID (used by Chip Authentication with DG14 keys). */
std::unique_ptr<KeyAgreementGroup> ecGroupByNid(int nid);

/** A DH group from explicit parameters (DG14 keys). q may be null (PKCS#3 keys name none): private keys are
 *  then 256 bits below p - 1, and peer values are only checked to lie in 1 < y < p - 1. */
std::unique_ptr<KeyAgreementGroup> dhGroup(Bignum p, Bignum q, Bignum g);

/** The domain parameters (p, q, g) of an OpenSSL named DH group such as "dh_2048_256", as a key without key values. */
crypto::PKey namedDhParameters(const std::string& name);

} // namespace cccd::icao
