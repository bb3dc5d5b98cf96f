// Elliptic-curve groups for PACE and Chip Authentication.
#include "cccd/error.hpp"
#include "icao/bn_handles.hpp"
#include "icao/key_agreement_group.hpp"

#include <openssl/err.h>
#include <openssl/obj_mac.h>

namespace cccd::icao {

namespace {

class EcKeyAgreement : public KeyAgreementGroup {
public:
    explicit EcKeyAgreement(EcGroup group) : group_(std::move(group)), ctx_(BN_CTX_new())
    {
        if (!ctx_) crypto::throwOpenSslError("BN_CTX_new");
        fieldBytes_ = (static_cast<std::size_t>(EC_GROUP_get_degree(group_.get())) + 7) / 8;
        orderBytes_ = (static_cast<std::size_t>(EC_GROUP_order_bits(group_.get())) + 7) / 8;
    }

    bool isEllipticCurve() const noexcept override { return true; }
    std::uint8_t publicKeyTag() const noexcept override { return 0x86; }

    KeyPair generateKeyPair(crypto::Random& random) const override
    {
        SecureBytes key = drawPrivateKey(random, orderBytes_, EC_GROUP_get0_order(group_.get()));
        Bytes pub = publicKeyOf(ByteView(key.data(), key.size()));
        return {std::move(key), std::move(pub)};
    }

    Bytes publicKeyOf(ByteView privateKey) const override
    {
        Bignum k = toBignum(privateKey);
        EcPoint p = newPoint();
        check(EC_POINT_mul(group_.get(), p.get(), k.get(), nullptr, nullptr, ctx_.get()), "EC_POINT_mul");
        return encode(p.get());
    }

    Bytes sharedElement(ByteView privateKey, ByteView peerPublicKey) const override
    {
        return encode(multiply(privateKey, peerPublicKey).get());
    }

    SecureBytes sharedSecret(ByteView privateKey, ByteView peerPublicKey) const override
    {
        EcPoint shared = multiply(privateKey, peerPublicKey);
        Bignum x = newBignum();
        check(EC_POINT_get_affine_coordinates(group_.get(), shared.get(), x.get(), nullptr, ctx_.get()),
              "EC_POINT_get_affine_coordinates");
        Bytes bytes = fromBignum(x.get(), fieldBytes_);
        SecureBytes out(bytes.begin(), bytes.end());
        wipe(bytes);
        return out;
    }

    std::unique_ptr<KeyAgreementGroup> mapGeneric(ByteView nonce, ByteView sharedElement) const override
    {
        Bignum s = toBignum(nonce);
        EcPoint h = decode(sharedElement);
        EcPoint mapped = newPoint();
        check(EC_POINT_mul(group_.get(), mapped.get(), s.get(), h.get(), BN_value_one(), ctx_.get()), "EC_POINT_mul");
        if (EC_POINT_is_at_infinity(group_.get(), mapped.get())) throw Error(ErrorKind::Communication, "PACE mapping gave the point at infinity");
        EcGroup group(EC_GROUP_dup(group_.get()));
        if (!group) crypto::throwOpenSslError("EC_GROUP_dup");
        check(EC_GROUP_set_generator(group.get(), mapped.get(), EC_GROUP_get0_order(group_.get()),
                                     EC_GROUP_get0_cofactor(group_.get())),
              "EC_GROUP_set_generator");
        return std::make_unique<EcKeyAgreement>(std::move(group));
    }

private:
    static void check(int ok, const char* what) { crypto::checkOpenSsl(ok, what); }

    EcPoint newPoint() const
    {
        EcPoint p(EC_POINT_new(group_.get()));
        if (!p) crypto::throwOpenSslError("EC_POINT_new");
        return p;
    }

    Bytes encode(const EC_POINT* p) const
    {
        Bytes out(1 + 2 * fieldBytes_);
        if (EC_POINT_point2oct(group_.get(), p, POINT_CONVERSION_UNCOMPRESSED, out.data(), out.size(), ctx_.get()) != out.size()) {
            crypto::throwOpenSslError("EC_POINT_point2oct");
        }
        return out;
    }

    // Only uncompressed points of the right size that lie on the curve and are not infinity are accepted.
    EcPoint decode(ByteView encoded) const
    {
        if (encoded.size() != 1 + 2 * fieldBytes_ || encoded[0] != 0x04) {
            throw Error(ErrorKind::Communication, "the chip sent a malformed elliptic-curve point");
        }
        EcPoint p = newPoint();
        if (EC_POINT_oct2point(group_.get(), p.get(), encoded.data(), encoded.size(), ctx_.get()) != 1 ||
            EC_POINT_is_on_curve(group_.get(), p.get(), ctx_.get()) != 1 || EC_POINT_is_at_infinity(group_.get(), p.get())) {
            ERR_clear_error();
            throw Error(ErrorKind::Communication, "the chip sent a point that is not on the curve");
        }
        return p;
    }

    EcPoint multiply(ByteView privateKey, ByteView peerPublicKey) const
    {
        EcPoint peer = decode(peerPublicKey);
        Bignum k = toBignum(privateKey);
        EcPoint out = newPoint();
        check(EC_POINT_mul(group_.get(), out.get(), nullptr, peer.get(), k.get(), ctx_.get()), "EC_POINT_mul");
        if (EC_POINT_is_at_infinity(group_.get(), out.get())) throw Error(ErrorKind::Communication, "key agreement gave the point at infinity");
        return out;
    }

    EcGroup group_;
    BnCtx ctx_;
    std::size_t fieldBytes_ = 0, orderBytes_ = 0;
};
} // namespace

std::unique_ptr<KeyAgreementGroup> ecGroupByNid(int nid)
{
    EcGroup group(EC_GROUP_new_by_curve_name(nid));
    if (!group) crypto::throwOpenSslError("EC_GROUP_new_by_curve_name");
    return std::make_unique<EcKeyAgreement>(std::move(group));
}

} // namespace cccd::icao
