#include "icao/pace_steps.hpp"

#include "cccd/error.hpp"
#include "core/asn1.hpp"

namespace cccd::icao {

namespace {
constexpr Tag dynamicAuthentication = 0x7C;
constexpr Tag publicKeyTemplate = 0x7F49;
} // namespace

SecureBytes pacePassword(PacePassword kind, ByteView secret)
{
    if (kind == PacePassword::Can) return SecureBytes(secret.begin(), secret.end());
    Bytes digest = crypto::hash(crypto::HashAlgorithm::Sha1, secret);
    SecureBytes out(digest.begin(), digest.end());
    wipe(digest);
    return out;
}

SecureBytes passwordKey(ByteView password, crypto::Cipher cipher) { return crypto::kdf(password, crypto::kdfPace, cipher); }

Bytes encryptNonce(crypto::Cipher cipher, ByteView key, ByteView nonce)
{
    return crypto::cbcEncrypt(cipher, key, Bytes(crypto::blockSize(cipher), 0x00), nonce);
}

Bytes decryptNonce(crypto::Cipher cipher, ByteView key, ByteView encryptedNonce)
{
    if (encryptedNonce.empty() || encryptedNonce.size() % crypto::blockSize(cipher) != 0) {
        throw ParseError("PACE encrypted nonce", 0, "not a whole number of cipher blocks");
    }
    return crypto::cbcDecrypt(cipher, key, Bytes(crypto::blockSize(cipher), 0x00), encryptedNonce);
}

SecureMessaging sessionFromSharedSecret(ByteView sharedSecret, crypto::Cipher cipher)
{
    SecureBytes enc = crypto::kdf(sharedSecret, crypto::kdfEnc, cipher);
    SecureBytes mac = crypto::kdf(sharedSecret, crypto::kdfMac, cipher);
    return SecureMessaging(SmKeys(cipher, std::move(enc), std::move(mac), Bytes(crypto::blockSize(cipher), 0x00)));
}

Bytes publicKeyDataObject(const std::string& protocolOid, std::uint8_t keyTag, ByteView publicKey)
{
    return encodeTlv(publicKeyTemplate, concat({asn1::encodeOid(protocolOid), encodeTlv(keyTag, publicKey)}));
}

Bytes authenticationToken(crypto::Cipher cipher, ByteView macKey, ByteView publicKeyDataObject)
{
    if (cipher == crypto::Cipher::Tdes) return crypto::retailMac(macKey, crypto::padIso9797(publicKeyDataObject, 8));
    Bytes full = crypto::aesCmac(macKey, publicKeyDataObject);
    return Bytes(full.begin(), full.begin() + 8);
}

Bytes dynamicAuthenticationData(std::uint8_t tag, ByteView value)
{
    return encodeTlv(dynamicAuthentication, tag == 0 ? Bytes{} : encodeTlv(tag, value));
}

Bytes dynamicAuthenticationValue(ByteView data, std::uint8_t tag, const std::string& step)
{
    TlvReader top(data, "PACE " + step);
    Tlv outer = top.expect(dynamicAuthentication);
    TlvReader inner = top.children(outer);
    while (!inner.atEnd()) {
        Tlv t = inner.next();
        if (t.tag == tag) return t.value.toBytes();
    }
    throw ParseError("PACE " + step, outer.offset, "no data object " + toHex(encodeTag(tag)) + " in the answer");
}

} // namespace cccd::icao
