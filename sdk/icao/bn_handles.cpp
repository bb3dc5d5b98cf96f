#include "icao/bn_handles.hpp"

#include "cccd/error.hpp"

#include <openssl/err.h>

namespace cccd::icao {

Bignum newBignum()
{
    Bignum b(BN_secure_new());
    if (!b) crypto::throwOpenSslError("BN_secure_new");
    return b;
}

Bignum keyParameter(const EVP_PKEY* key, const char* name)
{
    BIGNUM* raw = nullptr;
    if (EVP_PKEY_get_bn_param(key, name, &raw) != 1) ERR_clear_error();
    return Bignum(raw);
}

SecureBytes drawPrivateKey(crypto::Random& random, std::size_t width, const BIGNUM* bound)
{
    constexpr int maxDraws = 64; // for standard groups a draw fails with probability < 2^-32
    for (int i = 0; i < maxDraws; ++i) {
        SecureBytes candidate(width);
        random.fill(candidate.data(), candidate.size());
        Bignum k = toBignum(ByteView(candidate.data(), candidate.size()));
        if (!BN_is_zero(k.get()) && BN_cmp(k.get(), bound) < 0) return candidate;
    }
    throw Error(ErrorKind::Internal, "could not draw a private key");
}

Bignum toBignum(ByteView bytes)
{
    Bignum b(BN_bin2bn(bytes.data(), static_cast<int>(bytes.size()), nullptr));
    if (!b) crypto::throwOpenSslError("BN_bin2bn");
    return b;
}

Bytes fromBignum(const BIGNUM* value, std::size_t width)
{
    if (static_cast<std::size_t>(BN_num_bytes(value)) > width) throw Error(ErrorKind::Internal, "number wider than its field");
    Bytes out(width);
    if (BN_bn2binpad(value, out.data(), static_cast<int>(width)) < 0) crypto::throwOpenSslError("BN_bn2binpad");
    return out;
}

} // namespace cccd::icao
