// unique_ptr owners for OpenSSL BIGNUM / EC objects used by PACE and Chip Authentication.
#pragma once

#include "core/bytes.hpp"
#include "core/secure.hpp"
#include "crypto/crypto.hpp"
#include "crypto/openssl_handles.hpp"

#include <openssl/bn.h>
#include <openssl/ec.h>

namespace cccd::icao {

using Bignum = std::unique_ptr<BIGNUM, crypto::OpenSslDeleter<BIGNUM, BN_clear_free>>;
using BnCtx = std::unique_ptr<BN_CTX, crypto::OpenSslDeleter<BN_CTX, BN_CTX_free>>;
using EcGroup = std::unique_ptr<EC_GROUP, crypto::OpenSslDeleter<EC_GROUP, EC_GROUP_free>>;
using EcPoint = std::unique_ptr<EC_POINT, crypto::OpenSslDeleter<EC_POINT, EC_POINT_clear_free>>;

/** A BIGNUM from unsigned big-endian bytes. */
Bignum toBignum(ByteView bytes);
/** Unsigned big-endian bytes, left-padded with zeros to width. */
Bytes fromBignum(const BIGNUM* value, std::size_t width);
Bignum newBignum();
/** An integer parameter of an OpenSSL key (e.g. OSSL_PKEY_PARAM_FFC_P, OSSL_PKEY_PARAM_PRIV_KEY); null if the key has none. */
Bignum keyParameter(const EVP_PKEY* key, const char* name);

/** A private key drawn from random: width bytes, redrawn until 0 < k < bound (rejection sampling, so
 *  worked examples replay their keys exactly). */
SecureBytes drawPrivateKey(crypto::Random& random, std::size_t width, const BIGNUM* bound);

} // namespace cccd::icao
