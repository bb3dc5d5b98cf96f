#include "icao/chip_authentication_key.hpp"

#include "cccd/error.hpp"
#include "icao/bn_handles.hpp"

#include <openssl/core_names.h>
#include <openssl/err.h>
#include <openssl/objects.h>
#include <openssl/x509.h>

#include <algorithm>

namespace cccd::icao {

namespace {
const std::string idCa = "0.4.0.127.0.7.2.2.3.";
const std::string idPk = "0.4.0.127.0.7.2.2.1.";

[[noreturn]] void cannotUse(const std::string& why) { throw Error(ErrorKind::Unsupported, "the SDK cannot use this DG14 key: " + why); }

StaticKey ecKey(EVP_PKEY* key)
{
    char curve[64] = {0};
    std::size_t curveLength = 0;
    // OpenSSL names the curve of explicit parameters too when they equal a built-in curve's.
    if (EVP_PKEY_get_utf8_string_param(key, OSSL_PKEY_PARAM_GROUP_NAME, curve, sizeof curve, &curveLength) != 1) {
        ERR_clear_error();
        cannotUse("its explicit curve parameters match no named curve");
    }
    int nid = OBJ_txt2nid(curve);
    if (nid == NID_undef) nid = EC_curve_nist2nid(curve);
    // The chip's point may be stored compressed; key agreement takes it uncompressed.
    if (EVP_PKEY_set_utf8_string_param(key, OSSL_PKEY_PARAM_EC_POINT_CONVERSION_FORMAT, "uncompressed") != 1) ERR_clear_error();
    std::size_t length = 0;
    crypto::checkOpenSsl(EVP_PKEY_get_octet_string_param(key, OSSL_PKEY_PARAM_PUB_KEY, nullptr, 0, &length), "EC public key size");
    Bytes point(length);
    crypto::checkOpenSsl(EVP_PKEY_get_octet_string_param(key, OSSL_PKEY_PARAM_PUB_KEY, point.data(), point.size(), &length), "EC public key");
    return {ecGroupByNid(nid), std::move(point)};
}

StaticKey dhKey(EVP_PKEY* key)
{
    Bignum p = keyParameter(key, OSSL_PKEY_PARAM_FFC_P), q = keyParameter(key, OSSL_PKEY_PARAM_FFC_Q);
    Bignum g = keyParameter(key, OSSL_PKEY_PARAM_FFC_G), y = keyParameter(key, OSSL_PKEY_PARAM_PUB_KEY);
    if (!p || !g || !y) cannotUse("its DH parameters are incomplete");
    // As wide as p; a value wider than p is kept so that key agreement rejects it as outside the group.
    std::size_t width = static_cast<std::size_t>(std::max(BN_num_bytes(p.get()), BN_num_bytes(y.get())));
    Bytes value = fromBignum(y.get(), width);
    return {dhGroup(std::move(p), std::move(q), std::move(g)), std::move(value)};
}
} // namespace

crypto::PKey decodePublicKey(ByteView spki)
{
    const unsigned char* p = spki.data();
    EVP_PKEY* key = d2i_PUBKEY(nullptr, &p, static_cast<long>(spki.size()));
    ERR_clear_error();
    return crypto::PKey(key);
}

StaticKey staticKeyOf(EVP_PKEY* key)
{
    switch (EVP_PKEY_get_base_id(key)) {
    case EVP_PKEY_EC: return ecKey(key);
    case EVP_PKEY_DH:
    case EVP_PKEY_DHX: return dhKey(key);
    default: break;
    }
    cannotUse(std::string("it is a ") + (EVP_PKEY_get0_type_name(key) ? EVP_PKEY_get0_type_name(key) : "unknown") +
              " key, not DH or elliptic-curve");
}

std::optional<crypto::Cipher> chipAuthenticationCipher(const std::string& protocol)
{
    if (publicKeyProtocolFor(protocol).empty() || protocol.size() != idCa.size() + 3) return std::nullopt;
    switch (protocol.back()) {
    case '1': return crypto::Cipher::Tdes;
    case '2': return crypto::Cipher::Aes128;
    case '3': return crypto::Cipher::Aes192;
    case '4': return crypto::Cipher::Aes256;
    default: return std::nullopt;
    }
}

std::string publicKeyProtocolFor(const std::string& caProtocol)
{
    // id-CA-DH-* is id-CA.1.*, id-CA-ECDH-* is id-CA.2.*; id-PK-DH and id-PK-ECDH end in the same arc.
    bool known = caProtocol.compare(0, idCa.size(), idCa) == 0 && caProtocol.size() > idCa.size() + 1 &&
                 (caProtocol[idCa.size()] == '1' || caProtocol[idCa.size()] == '2') && caProtocol[idCa.size() + 1] == '.';
    return known ? idPk + caProtocol[idCa.size()] : std::string();
}

} // namespace cccd::icao
