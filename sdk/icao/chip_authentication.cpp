#include "icao/chip_authentication.hpp"

#include "cccd/error.hpp"
#include "core/asn1.hpp"
#include "icao/chip_authentication_key.hpp"
#include "icao/key_agreement_group.hpp"
#include "icao/pace_steps.hpp"

#include <openssl/ecdsa.h>
#include <openssl/err.h>
#include <openssl/rsa.h>

namespace cccd::icao {

namespace {
constexpr std::uint8_t insMse = 0x22;
constexpr std::uint8_t insGeneralAuthenticate = 0x86;
constexpr std::uint8_t insInternalAuthenticate = 0x88;

CheckResult result(CheckStatus s, std::string reason) { return CheckResult{s, std::move(reason)}; }

// The ChipAuthenticationInfo for a DG14 key: same key type and, when the key has one, the same key id.
const lds::ChipAuthenticationInfo* protocolFor(const lds::SecurityInfos& dg14, const lds::ChipAuthenticationPublicKeyInfo& key)
{
    for (const auto& info : dg14.chipAuthentication) {
        if (publicKeyProtocolFor(info.protocol) == key.protocol && (!key.keyId || info.keyId == key.keyId)) return &info;
    }
    return nullptr;
}

crypto::HashAlgorithm aaDigest(const std::optional<lds::SecurityInfos>& dg14)
{
    if (dg14 && !dg14->activeAuthentication.empty()) {
        const std::string& alg = dg14->activeAuthentication.front().signatureAlgorithm;
        if (alg == "1.2.840.10045.4.1") return crypto::HashAlgorithm::Sha1;
        if (alg == "1.2.840.10045.4.3.1") return crypto::HashAlgorithm::Sha224;
        if (alg == "1.2.840.10045.4.3.3") return crypto::HashAlgorithm::Sha384;
        if (alg == "1.2.840.10045.4.3.4") return crypto::HashAlgorithm::Sha512;
    }
    return crypto::HashAlgorithm::Sha256;
}

const EVP_MD* mdOf(crypto::HashAlgorithm h)
{
    switch (h) {
    case crypto::HashAlgorithm::Sha1: return EVP_sha1();
    case crypto::HashAlgorithm::Sha224: return EVP_sha224();
    case crypto::HashAlgorithm::Sha256: return EVP_sha256();
    case crypto::HashAlgorithm::Sha384: return EVP_sha384();
    case crypto::HashAlgorithm::Sha512: return EVP_sha512();
    }
    return EVP_sha256();
}

bool verifyEcdsaPlain(EVP_PKEY* key, ByteView signature, ByteView challenge, crypto::HashAlgorithm digest)
{
    if (signature.empty() || signature.size() % 2 != 0) return false;
    std::size_t half = signature.size() / 2;
    ECDSA_SIG* sig = ECDSA_SIG_new();
    ECDSA_SIG_set0(sig, BN_bin2bn(signature.data(), static_cast<int>(half), nullptr), BN_bin2bn(signature.data() + half, static_cast<int>(half), nullptr));
    unsigned char* der = nullptr;
    int derLength = i2d_ECDSA_SIG(sig, &der);
    ECDSA_SIG_free(sig);
    crypto::MdCtx ctx(EVP_MD_CTX_new());
    bool ok = derLength > 0 && EVP_DigestVerifyInit(ctx.get(), nullptr, mdOf(digest), nullptr, key) == 1 &&
              EVP_DigestVerify(ctx.get(), der, static_cast<std::size_t>(derLength), challenge.data(), challenge.size()) == 1;
    OPENSSL_free(der);
    ERR_clear_error();
    return ok;
}

bool verifyRsa9796(EVP_PKEY* key, ByteView signature, ByteView challenge)
{
    crypto::PKeyCtx ctx(EVP_PKEY_CTX_new(key, nullptr));
    std::size_t size = static_cast<std::size_t>(EVP_PKEY_get_size(key));
    Bytes recovered(size);
    bool ok = ctx && EVP_PKEY_verify_recover_init(ctx.get()) == 1 && EVP_PKEY_CTX_set_rsa_padding(ctx.get(), RSA_NO_PADDING) == 1 &&
              EVP_PKEY_verify_recover(ctx.get(), recovered.data(), &size, signature.data(), signature.size()) == 1;
    ERR_clear_error();
    if (!ok) return false;
    recovered.resize(size);
    return iso9796MessageMatches(recovered, challenge);
}
} // namespace

bool iso9796MessageMatches(ByteView f, ByteView challenge)
{
    if (f.size() < 24 || f[0] != 0x6A) return false;
    std::optional<crypto::HashAlgorithm> hash;
    std::size_t trailer = 1;
    if (f[f.size() - 1] == 0xBC) {
        hash = crypto::HashAlgorithm::Sha1;
    } else if (f[f.size() - 1] == 0xCC) {
        trailer = 2;
        switch (f[f.size() - 2]) {
        case 0x33: hash = crypto::HashAlgorithm::Sha1; break;
        case 0x34: hash = crypto::HashAlgorithm::Sha256; break;
        case 0x35: hash = crypto::HashAlgorithm::Sha512; break;
        case 0x36: hash = crypto::HashAlgorithm::Sha384; break;
        case 0x38: hash = crypto::HashAlgorithm::Sha224; break;
        default: break;
        }
    }
    if (!hash) return false;
    std::size_t h = crypto::hashSize(*hash);
    if (f.size() < 1 + h + trailer) return false;
    ByteView m1 = f.sub(1, f.size() - 1 - h - trailer);
    ByteView digest = f.sub(f.size() - h - trailer, h);
    return constantTimeEqual(crypto::hash(*hash, concat({m1, challenge})), digest);
}

CheckResult performChipAuthentication(SecureChannel& channel, const lds::SecurityInfos& dg14, crypto::Random& random)
{
    if (dg14.chipAuthenticationPublicKeys.empty()) return result(CheckStatus::NotSupported, "DG14 holds no chip authentication key");
    const lds::ChipAuthenticationPublicKeyInfo* keyInfo = nullptr;
    const lds::ChipAuthenticationInfo* info = nullptr;
    for (const auto& k : dg14.chipAuthenticationPublicKeys) {
        info = protocolFor(dg14, k);
        if (info) {
            keyInfo = &k;
            break;
        }
    }
    // ICAO 9303-11 §9.2.5: a DG14 with one key and no ChipAuthenticationInfo means CA version 1 with 3DES.
    lds::ChipAuthenticationInfo implicit3des;
    if (!info && dg14.chipAuthentication.empty() && dg14.chipAuthenticationPublicKeys.size() == 1) {
        keyInfo = &dg14.chipAuthenticationPublicKeys.front();
        implicit3des.protocol = "0.4.0.127.0.7.2.2.3." + keyInfo->protocol.substr(keyInfo->protocol.size() - 1) + ".1"; // id-PK-(EC)DH -> id-CA-(EC)DH-3DES
        implicit3des.version = 1;
        info = &implicit3des;
    }
    if (!info) return result(CheckStatus::NotSupported, "DG14 names no chip authentication protocol for its key");
    std::optional<crypto::Cipher> cipher = chipAuthenticationCipher(info->protocol);
    if (!cipher) return result(CheckStatus::NotSupported, "the SDK cannot run chip authentication protocol " + info->protocol);
    crypto::PKey key = decodePublicKey(keyInfo->subjectPublicKey);
    if (!key) return result(CheckStatus::NotSupported, "the SDK cannot use this DG14 key: OpenSSL does not decode it");
    std::optional<StaticKey> chip;
    try {
        chip = staticKeyOf(key.get());
    } catch (const Error& e) {
        if (e.kind() != ErrorKind::Unsupported) throw;
        return result(CheckStatus::NotSupported, e.what());
    }
    KeyPair ours = chip->group->generateKeyPair(random);
    SecureBytes shared;
    try { // before any command: a DG14 key outside its own group is the document's fault, not the chip's answer
        shared = chip->group->sharedSecret(ByteView(ours.privateKey.data(), ours.privateKey.size()), chip->publicKey);
    } catch (const Error&) {
        return result(CheckStatus::Failed, "the DG14 key is not a valid element of its own group");
    }

    Bytes keyId = keyInfo->keyId ? encodeTlv(0x84, Bytes{static_cast<std::uint8_t>(*keyInfo->keyId)}) : Bytes{};
    if (*cipher == crypto::Cipher::Tdes) {
        ResponseApdu kat = channel.transmit(CommandApdu(0x00, insMse, 0x41, 0xA6, concat({encodeTlv(0x91, ours.publicKey), keyId})));
        if (!kat.isSuccess()) return result(CheckStatus::Failed, "the chip refused MSE:Set KAT (" + kat.sw().describe() + ")");
    } else {
        ResponseApdu mse = channel.transmit(CommandApdu(0x00, insMse, 0x41, 0xA4, concat({encodeTlv(0x80, asn1::encodeOidValue(info->protocol)), keyId})));
        if (!mse.isSuccess()) return result(CheckStatus::Failed, "the chip refused MSE:Set AT for chip authentication (" + mse.sw().describe() + ")");
        ResponseApdu ga = channel.transmit(CommandApdu(0x00, insGeneralAuthenticate, 0x00, 0x00, dynamicAuthenticationData(0x80, ours.publicKey), maxShortNe));
        if (!ga.isSuccess()) return result(CheckStatus::Failed, "the chip refused chip authentication (" + ga.sw().describe() + ")");
    }
    channel.rekey(sessionFromSharedSecret(ByteView(shared.data(), shared.size()), *cipher));
    try {
        ResponseApdu check = channel.transmit(CommandApdu(0x00, 0xA4, 0x04, 0x0C, fromHex("A0000002471001")));
        if (check.isSuccess()) return result(CheckStatus::Passed, "the chip holds the private key of DG14: secure messaging under the new keys works");
        return result(CheckStatus::Failed, "the chip answered " + check.sw().describe() + " under the new keys");
    } catch (const Error&) {
        return result(CheckStatus::Failed, "the chip could not continue under keys agreed with the DG14 key: it does not hold that key (a clone?)");
    }
}

CheckResult performActiveAuthentication(ApduChannel& channel, ByteView dg15PublicKey, const std::optional<lds::SecurityInfos>& dg14,
                                        crypto::Random& random)
{
    crypto::PKey key = decodePublicKey(dg15PublicKey);
    if (!key) return result(CheckStatus::NotSupported, "the SDK cannot read the DG15 key: OpenSSL does not decode it");
    Bytes challenge = random.bytes(8);
    bool rsa = EVP_PKEY_get_base_id(key.get()) == EVP_PKEY_RSA;
    // An RSA signature fills the modulus; under secure messaging that needs an extended Le when it is 256 bytes or more.
    std::size_t modulus = static_cast<std::size_t>(EVP_PKEY_get_size(key.get()));
    std::size_t ne = rsa && modulus >= 224 && channel.limits().extendedLength ? maxExtendedNe : maxShortNe;
    ResponseApdu answer = channel.transmit(CommandApdu(0x00, insInternalAuthenticate, 0x00, 0x00, challenge, ne));
    if (!answer.isSuccess()) return result(CheckStatus::Failed, "the chip refused INTERNAL AUTHENTICATE (" + answer.sw().describe() + ")");
    bool ok = rsa ? verifyRsa9796(key.get(), answer.data(), challenge) : verifyEcdsaPlain(key.get(), answer.data(), challenge, aaDigest(dg14));
    if (ok) return result(CheckStatus::Passed, "the chip signed a fresh challenge with the private key of DG15");
    return result(CheckStatus::Failed, "the chip's signature does not verify with the DG15 key (a clone?)");
}

} // namespace cccd::icao
