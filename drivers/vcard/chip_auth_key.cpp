#include "chip_auth_key.hpp"

#include "cccd/error.hpp"
#include "icao/key_agreement_group.hpp"
#include "lds_encoders.hpp"

namespace cccd::vcard {

namespace {
// A new key pair with the domain parameters of another key (or of a parameters-only key).
crypto::PKey keyWithParametersOf(EVP_PKEY* parameters)
{
    crypto::PKeyCtx ctx(EVP_PKEY_CTX_new(parameters, nullptr));
    EVP_PKEY* raw = nullptr;
    if (!ctx || EVP_PKEY_keygen_init(ctx.get()) != 1 || EVP_PKEY_keygen(ctx.get(), &raw) != 1) crypto::throwOpenSslError("EVP_PKEY_keygen");
    return crypto::PKey(raw);
}
} // namespace

ChipAuthenticationKey chipAuthenticationKeyFor(const std::string& type, TestPki& pki)
{
    if (type == "ecdh-brainpoolP256r1") return {std::move(pki.caKey), caEcdhProtocol};
    if (type == "dh-2048") return {keyWithParametersOf(icao::namedDhParameters("dh_2048_256").get()), caDhProtocol};
    throw Error(ErrorKind::InvalidArgument, "profile: chip_authentication_key must be ecdh-brainpoolP256r1 or dh-2048");
}

ChipAuthenticationKey freshKeyLike(const ChipAuthenticationKey& key) { return {keyWithParametersOf(key.key.get()), key.protocol}; }

} // namespace cccd::vcard
