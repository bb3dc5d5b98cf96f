// Prime-order subgroups of Z_p* (RFC 5114 groups 0-2) for DH PACE and DH Chip Authentication.
#include "cccd/error.hpp"
#include "icao/bn_handles.hpp"
#include "icao/key_agreement_group.hpp"

#include <openssl/core_names.h>
#include <openssl/err.h>
#include <openssl/obj_mac.h>

namespace cccd::icao {

namespace {
using Ctx = crypto::PKeyCtx;

class DhKeyAgreement : public KeyAgreementGroup {
public:
    DhKeyAgreement(Bignum p, Bignum q, Bignum g) : p_(std::move(p)), q_(std::move(q)), g_(std::move(g)), ctx_(BN_CTX_new())
    {
        if (!ctx_) crypto::throwOpenSslError("BN_CTX_new");
        pBytes_ = static_cast<std::size_t>(BN_num_bytes(p_.get()));
        qBytes_ = static_cast<std::size_t>(BN_num_bytes(q_.get()));
    }

    bool isEllipticCurve() const noexcept override { return false; }
    std::uint8_t publicKeyTag() const noexcept override { return 0x84; }

    KeyPair generateKeyPair(crypto::Random& random) const override
    {
        SecureBytes key = drawPrivateKey(random, qBytes_, q_.get());
        Bytes pub = publicKeyOf(ByteView(key.data(), key.size()));
        return {std::move(key), std::move(pub)};
    }

    Bytes publicKeyOf(ByteView privateKey) const override { return fromBignum(power(g_.get(), privateKey).get(), pBytes_); }

    Bytes sharedElement(ByteView privateKey, ByteView peerPublicKey) const override
    {
        return fromBignum(power(validated(peerPublicKey).get(), privateKey).get(), pBytes_);
    }

    SecureBytes sharedSecret(ByteView privateKey, ByteView peerPublicKey) const override
    {
        Bytes value = sharedElement(privateKey, peerPublicKey);
        SecureBytes out(value.begin(), value.end());
        wipe(value);
        return out;
    }

    std::unique_ptr<KeyAgreementGroup> mapGeneric(ByteView nonce, ByteView sharedElement) const override
    {
        Bignum h = validated(sharedElement);
        Bignum s = toBignum(nonce);
        Bignum gs = newBignum(), mapped = newBignum();
        crypto::checkOpenSsl(BN_mod_exp(gs.get(), g_.get(), s.get(), p_.get(), ctx_.get()), "BN_mod_exp");
        crypto::checkOpenSsl(BN_mod_mul(mapped.get(), gs.get(), h.get(), p_.get(), ctx_.get()), "BN_mod_mul");
        if (BN_is_one(mapped.get())) throw Error(ErrorKind::Communication, "PACE mapping gave the identity");
        return std::make_unique<DhKeyAgreement>(Bignum(BN_dup(p_.get())), Bignum(BN_dup(q_.get())), std::move(mapped));
    }

private:
    Bignum power(const BIGNUM* base, ByteView exponent) const
    {
        Bignum e = toBignum(exponent);
        Bignum out = newBignum();
        crypto::checkOpenSsl(BN_mod_exp(out.get(), base, e.get(), p_.get(), ctx_.get()), "BN_mod_exp");
        return out;
    }

    // A peer value must lie in 1 < y < p - 1 and in the order-q subgroup (y^q = 1), or it leaks our key.
    Bignum validated(ByteView value) const
    {
        Bignum y = toBignum(value);
        Bignum pMinusOne(BN_dup(p_.get()));
        BN_sub_word(pMinusOne.get(), 1);
        Bignum check = newBignum();
        bool ok = value.size() <= pBytes_ && BN_cmp(y.get(), BN_value_one()) > 0 && BN_cmp(y.get(), pMinusOne.get()) < 0 &&
                  BN_mod_exp(check.get(), y.get(), q_.get(), p_.get(), ctx_.get()) == 1 && BN_is_one(check.get());
        if (!ok) throw Error(ErrorKind::Communication, "the chip sent a DH value outside the group");
        return y;
    }

    Bignum p_, q_, g_;
    BnCtx ctx_;
    std::size_t pBytes_ = 0, qBytes_ = 0;
};

Bignum ffcParam(EVP_PKEY* key, const char* name)
{
    BIGNUM* raw = nullptr;
    if (EVP_PKEY_get_bn_param(key, name, &raw) != 1) crypto::throwOpenSslError(std::string("EVP_PKEY_get_bn_param ") + name);
    return Bignum(raw);
}

// RFC 5114 groups ship with OpenSSL by name; take p, q, g from there rather than from copied constants.
std::unique_ptr<KeyAgreementGroup> rfc5114Group(const char* name)
{
    Ctx ctx(EVP_PKEY_CTX_new_from_name(nullptr, "DHX", nullptr));
    if (!ctx || EVP_PKEY_paramgen_init(ctx.get()) != 1) crypto::throwOpenSslError("DHX paramgen");
    OSSL_PARAM params[] = {OSSL_PARAM_construct_utf8_string(OSSL_PKEY_PARAM_GROUP_NAME, const_cast<char*>(name), 0),
                           OSSL_PARAM_construct_end()};
    crypto::checkOpenSsl(EVP_PKEY_CTX_set_params(ctx.get(), params), "EVP_PKEY_CTX_set_params");
    EVP_PKEY* raw = nullptr;
    crypto::checkOpenSsl(EVP_PKEY_paramgen(ctx.get(), &raw), "EVP_PKEY_paramgen");
    crypto::PKey key(raw);
    return std::make_unique<DhKeyAgreement>(ffcParam(key.get(), OSSL_PKEY_PARAM_FFC_P), ffcParam(key.get(), OSSL_PKEY_PARAM_FFC_Q),
                                            ffcParam(key.get(), OSSL_PKEY_PARAM_FFC_G));
}
} // namespace

std::unique_ptr<KeyAgreementGroup> standardGroup(std::uint64_t parameterId)
{
    switch (parameterId) {
    case 0: return rfc5114Group("dh_1024_160");
    case 1: return rfc5114Group("dh_2048_224");
    case 2: return rfc5114Group("dh_2048_256");
    case 8: return ecGroupByNid(NID_X9_62_prime192v1);
    case 9: return ecGroupByNid(NID_brainpoolP192r1);
    case 10: return ecGroupByNid(NID_secp224r1);
    case 11: return ecGroupByNid(NID_brainpoolP224r1);
    case 12: return ecGroupByNid(NID_X9_62_prime256v1);
    case 13: return ecGroupByNid(NID_brainpoolP256r1);
    case 14: return ecGroupByNid(NID_brainpoolP320r1);
    case 15: return ecGroupByNid(NID_secp384r1);
    case 16: return ecGroupByNid(NID_brainpoolP384r1);
    case 17: return ecGroupByNid(NID_brainpoolP512r1);
    case 18: return ecGroupByNid(NID_secp521r1);
    default: break;
    }
    throw Error(ErrorKind::Unsupported, "PACE domain parameter id " + std::to_string(parameterId) + " is not standardized");
}

} // namespace cccd::icao
