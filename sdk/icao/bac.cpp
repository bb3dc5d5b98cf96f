#include "icao/bac.hpp"

#include "cccd/error.hpp"
#include "core/log.hpp"
#include "icao/mrz_key.hpp"

namespace cccd::icao {

namespace {
constexpr std::uint8_t insGetChallenge = 0x84;
constexpr std::uint8_t insExternalAuthenticate = 0x82;
constexpr std::size_t nonceSize = 8;
constexpr std::size_t keyMaterialSize = 16;
constexpr std::size_t cryptogramSize = 32;
constexpr std::size_t macSize = 8;

ByteView view(const SecureBytes& b) { return ByteView(b.data(), b.size()); }

struct BacKeys {
    SecureBytes enc, mac;
};

BacKeys keysFromSeed(ByteView seed)
{
    return {crypto::kdf(seed, crypto::kdfEnc, crypto::Cipher::Tdes), crypto::kdf(seed, crypto::kdfMac, crypto::Cipher::Tdes)};
}

Bytes zeroIv() { return Bytes(8, 0x00); }

Bytes macOf(const SecureBytes& macKey, ByteView data) { return crypto::retailMac(view(macKey), crypto::padIso9797(data, 8)); }

// Session keys from K.IFD xor K.IC, and the SSC from the nonces (§4.3.3.3, §9.8.2).
SecureMessaging sessionFrom(ByteView kIfd, ByteView kIc, ByteView rndIc, ByteView rndIfd)
{
    SecureBytes seed(keyMaterialSize);
    for (std::size_t i = 0; i < keyMaterialSize; ++i) seed[i] = kIfd[i] ^ kIc[i];
    SecureBytes enc = crypto::kdf(view(seed), crypto::kdfEnc, crypto::Cipher::Tdes);
    SecureBytes mac = crypto::kdf(view(seed), crypto::kdfMac, crypto::Cipher::Tdes);
    Bytes ssc = concat({rndIc.sub(4, 4), rndIfd.sub(4, 4)});
    return SecureMessaging(SmKeys(crypto::Cipher::Tdes, std::move(enc), std::move(mac), std::move(ssc)));
}

[[noreturn]] void denied(const std::string& step, std::uint8_t ins, StatusWord sw)
{
    throw CardStatusError("access denied: wrong MRZ data (BAC " + step + ")", ins, sw.value(), ErrorKind::AccessDenied);
}
} // namespace

SecureMessaging performBac(ApduChannel& channel, const MrzKeyData& key, crypto::Random& random)
{
    SecureBytes seed = bacKeySeed(key);
    BacKeys keys = keysFromSeed(view(seed));

    log::debug("BAC: GET CHALLENGE");
    ResponseApdu challenge = channel.transmit(CommandApdu(0x00, insGetChallenge, 0x00, 0x00, nonceSize));
    if (!challenge.isSuccess() || challenge.data().size() != nonceSize) {
        throw CardStatusError("BAC GET CHALLENGE", insGetChallenge, challenge.sw().value(), ErrorKind::Communication);
    }
    const Bytes& rndIc = challenge.data();
    SecureBytes rndIfd(nonceSize), kIfd(keyMaterialSize);
    random.fill(rndIfd.data(), rndIfd.size());
    random.fill(kIfd.data(), kIfd.size());

    SecureBytes s(rndIfd);
    s.insert(s.end(), rndIc.begin(), rndIc.end());
    s.insert(s.end(), kIfd.begin(), kIfd.end());
    Bytes eIfd = crypto::cbcEncrypt(crypto::Cipher::Tdes, view(keys.enc), zeroIv(), view(s));
    Bytes data = concat({eIfd, macOf(keys.mac, eIfd)});
    log::debug("BAC: EXTERNAL AUTHENTICATE");
    ResponseApdu answer = channel.transmit(CommandApdu(0x00, insExternalAuthenticate, 0x00, 0x00, data, cryptogramSize + macSize));
    if (!answer.isSuccess()) denied("EXTERNAL AUTHENTICATE", insExternalAuthenticate, answer.sw());
    if (answer.data().size() != cryptogramSize + macSize) {
        throw ParseError("BAC EXTERNAL AUTHENTICATE response", answer.data().size(), "expected 40 bytes");
    }
    ByteView eIc = ByteView(answer.data()).sub(0, cryptogramSize);
    if (!constantTimeEqual(macOf(keys.mac, eIc), ByteView(answer.data()).sub(cryptogramSize))) {
        throw Error(ErrorKind::Communication, "BAC: the chip's MAC does not verify");
    }
    Bytes r = crypto::cbcDecrypt(crypto::Cipher::Tdes, view(keys.enc), zeroIv(), eIc);
    WipeOnExit wipeR(r); // K.IC: also when the nonces do not match
    ByteView rv(r);
    if (!constantTimeEqual(rv.sub(0, nonceSize), rndIc) || !constantTimeEqual(rv.sub(nonceSize, nonceSize), view(rndIfd))) {
        throw Error(ErrorKind::Communication, "BAC: the chip did not return our nonces");
    }
    SecureMessaging sm = sessionFrom(view(kIfd), rv.sub(2 * nonceSize, keyMaterialSize), rndIc, view(rndIfd));
    log::debug("BAC: the chip's answer verifies, secure messaging starts");
    return sm;
}

BacResponder::BacResponder(const MrzKeyData& key, crypto::Random& random) : random_(random)
{
    SecureBytes seed = bacKeySeed(key);
    BacKeys keys = keysFromSeed(view(seed));
    encKey_ = std::move(keys.enc);
    macKey_ = std::move(keys.mac);
}

ResponseApdu BacResponder::getChallenge(const CommandApdu& command)
{
    if (command.ne() != nonceSize) return ResponseApdu(sw::WRONG_LENGTH);
    challenge_ = random_.bytes(nonceSize);
    established_.reset();
    return ResponseApdu(challenge_, sw::OK);
}

ResponseApdu BacResponder::externalAuthenticate(const CommandApdu& command)
{
    if (challenge_.empty()) return ResponseApdu(sw::CONDITIONS_NOT_SATISFIED);
    Bytes challenge = std::move(challenge_);
    challenge_.clear(); // one attempt per challenge
    if (command.data().size() != cryptogramSize + macSize) return ResponseApdu(sw::WRONG_LENGTH);
    ByteView eIfd = ByteView(command.data()).sub(0, cryptogramSize);
    if (!constantTimeEqual(macOf(macKey_, eIfd), ByteView(command.data()).sub(cryptogramSize))) {
        return ResponseApdu(StatusWord(0x6300)); // authentication failed: wrong MRZ key
    }
    Bytes s = crypto::cbcDecrypt(crypto::Cipher::Tdes, view(encKey_), zeroIv(), eIfd);
    WipeOnExit wipeS(s); // K.IFD: also when the challenge does not match
    ByteView sv(s);
    if (!constantTimeEqual(sv.sub(nonceSize, nonceSize), challenge)) return ResponseApdu(StatusWord(0x6300));
    SecureBytes kIc(keyMaterialSize);
    random_.fill(kIc.data(), kIc.size());
    SecureBytes r(challenge.begin(), challenge.end());
    r.insert(r.end(), sv.begin(), sv.begin() + nonceSize);
    r.insert(r.end(), kIc.begin(), kIc.end());
    Bytes eIc = crypto::cbcEncrypt(crypto::Cipher::Tdes, view(encKey_), zeroIv(), view(r));
    established_.emplace(sessionFrom(sv.sub(2 * nonceSize, keyMaterialSize), view(kIc), challenge, sv.sub(0, nonceSize)));
    return ResponseApdu(concat({eIc, macOf(macKey_, eIc)}), sw::OK);
}

} // namespace cccd::icao
