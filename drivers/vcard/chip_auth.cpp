#include "chip_auth.hpp"

#include "cccd/error.hpp"
#include "core/asn1.hpp"
#include "core/tlv.hpp"
#include "icao/bn_handles.hpp"
#include "icao/chip_authentication_key.hpp"
#include "icao/pace_steps.hpp"

#include <openssl/core_names.h>
#include <openssl/ecdsa.h>
#include <openssl/rsa.h>

namespace cccd::vcard {

namespace {
// The private scalar (EC) or exponent (DH).
SecureBytes privateKey(EVP_PKEY* key)
{
    icao::Bignum priv = icao::keyParameter(key, OSSL_PKEY_PARAM_PRIV_KEY);
    if (!priv) crypto::throwOpenSslError("the chip's private key");
    Bytes bytes = icao::fromBignum(priv.get(), static_cast<std::size_t>(BN_num_bytes(priv.get())));
    SecureBytes out(bytes.begin(), bytes.end());
    wipe(bytes);
    return out;
}

crypto::Cipher cipherOf(const std::string& protocol)
{
    std::optional<crypto::Cipher> cipher = icao::chipAuthenticationCipher(protocol);
    if (!cipher) throw Error(ErrorKind::InvalidArgument, "no chip authentication cipher for protocol " + protocol);
    return *cipher;
}

// ISO/IEC 9796-2 scheme 1 with SHA-1 (ICAO 9303-11 §6.1): F = 6A || M1 || SHA-1(M1 || challenge) || BC,
// signed with the raw RSA private operation. M1 is fresh random filler.
ResponseApdu rsaIso9796(EVP_PKEY* key, ByteView challenge)
{
    std::size_t k = static_cast<std::size_t>(EVP_PKEY_get_size(key));
    Bytes m1 = crypto::systemRandom().bytes(k - 2 - 20);
    Bytes f{0x6A};
    append(f, m1);
    append(f, crypto::hash(crypto::HashAlgorithm::Sha1, concat({m1, challenge})));
    f.push_back(0xBC);
    crypto::PKeyCtx ctx(EVP_PKEY_CTX_new(key, nullptr));
    Bytes signature(k);
    std::size_t size = k;
    if (!ctx || EVP_PKEY_sign_init(ctx.get()) != 1 || EVP_PKEY_CTX_set_rsa_padding(ctx.get(), RSA_NO_PADDING) != 1 ||
        EVP_PKEY_sign(ctx.get(), signature.data(), &size, f.data(), f.size()) != 1) {
        crypto::throwOpenSslError("RSA ISO/IEC 9796-2 signature");
    }
    signature.resize(size);
    return ResponseApdu(signature, sw::OK);
}
} // namespace

ChipAuthenticationResponder::ChipAuthenticationResponder(EVP_PKEY* chipKey, std::string protocol)
    : key_(chipKey), protocol_(std::move(protocol)), cipher_(cipherOf(protocol_))
{
}

ResponseApdu ChipAuthenticationResponder::mse(const CommandApdu& command)
{
    if (command.p1() == 0x41 && command.p2() == 0xA4) { // Set AT: the protocol; the key follows in GA
        try {
            TlvReader reader(command.data(), "MSE:Set AT");
            if (reader.expect(0x80).value != ByteView(asn1::encodeOidValue(protocol_))) return ResponseApdu(sw::REFERENCED_DATA_NOT_FOUND);
        } catch (const Error&) {
            return ResponseApdu(sw::WRONG_DATA);
        }
        selected_ = true;
        return ResponseApdu(sw::OK);
    }
    if (command.p1() == 0x41 && command.p2() == 0xA6) { // Set KAT: the terminal key in DO'91'
        if (cipher_ != crypto::Cipher::Tdes) return ResponseApdu(sw::FUNCTION_NOT_SUPPORTED);
        try {
            TlvReader reader(command.data(), "MSE:Set KAT");
            return agree(reader.expect(0x91).value);
        } catch (const Error&) {
            return ResponseApdu(sw::WRONG_DATA);
        }
    }
    return ResponseApdu(sw::INCORRECT_P1P2);
}

ResponseApdu ChipAuthenticationResponder::generalAuthenticate(const CommandApdu& command)
{
    if (!selected_) return ResponseApdu(sw::CONDITIONS_NOT_SATISFIED);
    selected_ = false;
    try {
        ResponseApdu r = agree(icao::dynamicAuthenticationValue(command.data(), 0x80, "CA"));
        if (!r.isSuccess()) return r;
        return ResponseApdu(icao::dynamicAuthenticationData(0, {}), sw::OK);
    } catch (const Error&) {
        return ResponseApdu(sw::WRONG_DATA);
    }
}

ResponseApdu ChipAuthenticationResponder::agree(ByteView terminalKey)
{
    try {
        icao::StaticKey own = icao::staticKeyOf(key_);
        SecureBytes priv = privateKey(key_);
        SecureBytes shared = own.group->sharedSecret(ByteView(priv.data(), priv.size()), terminalKey);
        pending_.emplace(icao::sessionFromSharedSecret(ByteView(shared.data(), shared.size()), cipher_));
    } catch (const Error&) {
        return ResponseApdu(sw::WRONG_DATA);
    }
    return ResponseApdu(sw::OK);
}

ResponseApdu activeAuthenticate(EVP_PKEY* key, const CommandApdu& command)
{
    if (!key) return ResponseApdu(sw::INS_NOT_SUPPORTED);
    if (command.data().size() != 8) return ResponseApdu(sw::WRONG_DATA);
    if (EVP_PKEY_get_base_id(key) == EVP_PKEY_RSA) return rsaIso9796(key, command.data());
    crypto::MdCtx ctx(EVP_MD_CTX_new());
    std::size_t size = 0;
    if (!ctx || EVP_DigestSignInit(ctx.get(), nullptr, EVP_sha256(), nullptr, key) != 1 ||
        EVP_DigestSign(ctx.get(), nullptr, &size, command.data().data(), command.data().size()) != 1) {
        crypto::throwOpenSslError("EVP_DigestSign");
    }
    Bytes der(size);
    if (EVP_DigestSign(ctx.get(), der.data(), &size, command.data().data(), command.data().size()) != 1) crypto::throwOpenSslError("EVP_DigestSign");
    const unsigned char* p = der.data();
    ECDSA_SIG* sig = d2i_ECDSA_SIG(nullptr, &p, static_cast<long>(size));
    if (!sig) crypto::throwOpenSslError("d2i_ECDSA_SIG");
    Bytes plain = concat({icao::fromBignum(ECDSA_SIG_get0_r(sig), 32), icao::fromBignum(ECDSA_SIG_get0_s(sig), 32)});
    ECDSA_SIG_free(sig);
    return ResponseApdu(plain, sw::OK);
}

} // namespace cccd::vcard
