// BAC's keys and key material (K_seed, K.IFD, K.IC, the session keys) are wiped before their memory is freed, on
// both sides of the link, when the session opens and when the terminal rejects the chip's answer: each session is
// run twice with the same randomness, the first time to learn its secrets, the second with every freed block
// inspected for them (freed_memory.hpp).
#include "freed_memory.hpp"
#include "replayed_random.hpp"

#include "icao/bac.hpp"
#include "icao/mrz_key.hpp"

#include <catch2/catch.hpp>

using namespace cccd;
using namespace cccd::icao;

namespace {
const MrzKeyData mrzKey{"C01234567", "900131", "300131"};

ByteView view(const SecureBytes& b) { return ByteView(b.data(), b.size()); }

// The chip's answer to EXTERNAL AUTHENTICATE re-made with another RND.IFD: correctly encrypted and MACed, so the
// terminal decrypts it (K.IC included) before it sees that its nonce did not come back.
ResponseApdu withWrongNonce(const ResponseApdu& answer)
{
    test::freed::Pause testAtWork;
    SecureBytes seed = bacKeySeed(mrzKey);
    SecureBytes enc = crypto::kdf(view(seed), crypto::kdfEnc, crypto::Cipher::Tdes);
    SecureBytes mac = crypto::kdf(view(seed), crypto::kdfMac, crypto::Cipher::Tdes);
    const Bytes zeroIv(8, 0x00);
    Bytes r = crypto::cbcDecrypt(crypto::Cipher::Tdes, view(enc), zeroIv, ByteView(answer.data()).sub(0, 32));
    r[8] ^= 0x01; // the first byte of RND.IFD
    Bytes eIc = crypto::cbcEncrypt(crypto::Cipher::Tdes, view(enc), zeroIv, r);
    wipe(r);
    return ResponseApdu(concat({eIc, crypto::retailMac(view(mac), crypto::padIso9797(eIc, 8))}), sw::OK);
}

struct BacLink : ApduChannel {
    BacResponder& chip;
    bool wrongNonce;
    BacLink(BacResponder& c, bool wrong) : chip(c), wrongNonce(wrong) {}
    ResponseApdu transmit(const CommandApdu& c) override
    {
        if (c.ins() == 0x84) return chip.getChallenge(c);
        ResponseApdu answer = chip.externalAuthenticate(c);
        return wrongNonce ? withWrongNonce(answer) : answer;
    }
    ChannelLimits limits() const override { return {}; }
};

// One BAC session, then a protected READ BINARY on both sides; or a session the terminal ends on the wrong nonce.
void runSession(bool learn, bool wrongNonce)
{
    test::ReplayedRandom terminalRandom(7, learn), chipRandom(11, learn);
    BacResponder chip(mrzKey, chipRandom);
    BacLink link(chip, wrongNonce);
    if (wrongNonce) {
        CHECK_THROWS_WITH(performBac(link, mrzKey, terminalRandom), Catch::Contains("did not return our nonces"));
        return;
    }
    SecureMessaging terminal = performBac(link, mrzKey, terminalRandom);
    REQUIRE(chip.established().has_value());
    CommandApdu plain = chip.established()->unprotectCommand(terminal.protectCommand(CommandApdu(0x00, 0xB0, 0x00, 0x00, std::size_t{16})));
    ResponseApdu answer = chip.established()->protectResponse(ResponseApdu(Bytes(16, 0x5A), sw::OK), plain.ins());
    CHECK(terminal.unprotectResponse(answer).data() == Bytes(16, 0x5A));
    if (learn) {
        test::freed::watch("KS_enc", terminal.keys().encKey());
        test::freed::watch("KS_mac", terminal.keys().macKey());
    }
}

void checkSessionLeavesNoSecret(bool wrongNonce)
{
    test::freed::reset();
    SecureBytes info = mrzInformation(mrzKey), seed = bacKeySeed(mrzKey);
    test::freed::watch("the MRZ information", view(info));
    test::freed::watch("K_seed", view(seed));
    runSession(true, wrongNonce);
    test::freed::start();
    runSession(false, wrongNonce);
    test::freed::stop();
    test::freed::checkNothingFound();
}
} // namespace

TEST_CASE("BAC leaves no key, key material or MRZ data in freed memory")
{
    checkSessionLeavesNoSecret(false);
}

TEST_CASE("BAC rejected on the chip's nonce leaves no K.IC in freed memory")
{
    checkSessionLeavesNoSecret(true);
}
