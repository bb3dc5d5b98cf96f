// Subgroups of Z_p* for DH PACE (RFC 5114 groups 0-2) and DH Chip Authentication (the DG14 key's own p, g, q).
#include "cccd/error.hpp"
#include "icao/bn_handles.hpp"
#include "icao/key_agreement_group.hpp"

#include <openssl/core_names.h>
#include <openssl/err.h>
#include <openssl/obj_mac.h>

#include <algorithm>

namespace cccd::icao {

namespace {
using Ctx = crypto::PKeyCtx;

// Without q (PKCS#3 keys in DG14) the order of g is unknown: private keys are drawn below p - 1 with 256 bits
// (twice the strength of any p up to 3072 bits) and peer values can only be range-checked.
constexpr std::size_t exponentBytesWithoutQ = 32;

class DhKeyAgreement : public KeyAgreementGroup {
public:
    DhKeyAgreement(Bignum p, Bignum q, Bignum g)
        : p_(std::move(p)), q_(std::move(q)), g_(std::move(g)), pMinusOne_(BN_dup(p_.get())), ctx_(BN_CTX_new())
    {
        if (!ctx_ || !pMinusOne_) crypto::throwOpenSslError("DH group");
        crypto::checkOpenSsl(BN_sub_word(pMinusOne_.get(), 1), "BN_sub_word");
        pBytes_ = static_cast<std::size_t>(BN_num_bytes(p_.get()));
        exponentBytes_ = q_ ? static_cast<std::size_t>(BN_num_bytes(q_.get())) : std::min(pBytes_, exponentBytesWithoutQ);
    }

    bool isEllipticCurve() const noexcept override { return false; }
    std::uint8_t publicKeyTag() const noexcept override { return 0x84; }

    KeyPair generateKeyPair(crypto::Random& random) const override
    {
        SecureBytes key = drawPrivateKey(random, exponentBytes_, q_ ? q_.get() : pMinusOne_.get());
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
        if (!q_) throw Error(ErrorKind::Unsupported, "Generic Mapping needs a DH group of known order q");
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

    // A peer value must lie in 1 < y < p - 1 and, when q is known, in the order-q subgroup (y^q = 1), or it leaks our key.
    Bignum validated(ByteView value) const
    {
        Bignum y = toBignum(value);
        Bignum check = newBignum();
        bool ok = value.size() <= pBytes_ && BN_cmp(y.get(), BN_value_one()) > 0 && BN_cmp(y.get(), pMinusOne_.get()) < 0 &&
                  (!q_ || (BN_mod_exp(check.get(), y.get(), q_.get(), p_.get(), ctx_.get()) == 1 && BN_is_one(check.get())));
        if (!ok) throw Error(ErrorKind::Communication, "the chip sent a DH value outside the group");
        return y;
    }

    Bignum p_, q_, g_, pMinusOne_;
    BnCtx ctx_;
    std::size_t pBytes_ = 0, exponentBytes_ = 0;
};

// RFC 5114 groups ship with OpenSSL by name; take p, q, g from there rather than from copied constants.
std::unique_ptr<KeyAgreementGroup> rfc5114Group(const char* name)
{
    crypto::PKey key = namedDhParameters(name);
    return dhGroup(keyParameter(key.get(), OSSL_PKEY_PARAM_FFC_P), keyParameter(key.get(), OSSL_PKEY_PARAM_FFC_Q),
                   keyParameter(key.get(), OSSL_PKEY_PARAM_FFC_G));
}
} // namespace

crypto::PKey namedDhParameters(const std::string& name)
{
    Ctx ctx(EVP_PKEY_CTX_new_from_name(nullptr, "DHX", nullptr));
    if (!ctx || EVP_PKEY_paramgen_init(ctx.get()) != 1) crypto::throwOpenSslError("DHX paramgen");
    OSSL_PARAM params[] = {OSSL_PARAM_construct_utf8_string(OSSL_PKEY_PARAM_GROUP_NAME, const_cast<char*>(name.c_str()), 0),
                           OSSL_PARAM_construct_end()};
    crypto::checkOpenSsl(EVP_PKEY_CTX_set_params(ctx.get(), params), "EVP_PKEY_CTX_set_params");
    EVP_PKEY* raw = nullptr;
    crypto::checkOpenSsl(EVP_PKEY_paramgen(ctx.get(), &raw), "EVP_PKEY_paramgen");
    return crypto::PKey(raw);
}

std::unique_ptr<KeyAgreementGroup> dhGroup(Bignum p, Bignum q, Bignum g)
{
    if (!p || !g) throw Error(ErrorKind::InvalidArgument, "a DH group needs p and g");
    return std::make_unique<DhKeyAgreement>(std::move(p), std::move(q), std::move(g));
}

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
