// The chip's static Chip Authentication key as the profile asks for it ("chip_authentication_key"), with the
// CA protocol DG14 announces for it. The chip computes with whatever this holds: no curve is hard-coded.
#pragma once

#include "crypto/openssl_handles.hpp"
#include "test_pki.hpp"

#include <string>

namespace cccd::vcard {

struct ChipAuthenticationKey {
    crypto::PKey key;     ///< the key pair
    std::string protocol; ///< id-CA-ECDH-AES-CBC-CMAC-128 or id-CA-DH-AES-CBC-CMAC-128
};

/** "ecdh-brainpoolP256r1": the PKI's CA key (taken from pki); "dh-2048": a fresh key of the RFC 5114
 *  2048-bit group with a 256-bit subgroup. Throws Error(InvalidArgument) for other names. */
ChipAuthenticationKey chipAuthenticationKeyFor(const std::string& type, TestPki& pki);

/** Another key of the same group and protocol: what a cloned chip computes with, unlike its DG14. */
ChipAuthenticationKey freshKeyLike(const ChipAuthenticationKey& key);

} // namespace cccd::vcard
