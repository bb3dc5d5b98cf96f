#include "icao/bn_handles.hpp"

#include "cccd/error.hpp"

namespace cccd::icao {

Bignum newBignum()
{
    Bignum b(BN_secure_new());
    if (!b) crypto::throwOpenSslError("BN_secure_new");
    return b;
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
