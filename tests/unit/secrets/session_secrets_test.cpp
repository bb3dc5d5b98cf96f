// Keys, passwords, nonces and the mapping secret H of PACE and secure messaging are wiped before their memory is
// freed: a session is run twice with the same randomness, the first time to learn every secret it makes (the random
// draws, the password key, the session keys, H), the second time with every freed block inspected for them
// (freed_memory.hpp).
#include "freed_memory.hpp"
#include "replayed_random.hpp"

#include "icao/pace.hpp"
#include "icao/pace_chip.hpp"
#include "icao/pace_steps.hpp"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <cstring>
#include <iostream>

using namespace cccd;
using namespace cccd::icao;

namespace {
ByteView text(const char* s) { return ByteView(reinterpret_cast<const std::uint8_t*>(s), std::strlen(s)); }

// The chip; a refusedStep of n answers the n-th GENERAL AUTHENTICATE with 6A80 (a session that fails half way).
struct ChipLink : ApduChannel {
    PaceResponder& chip;
    int refusedStep, step = 0;
    ChipLink(PaceResponder& c, int refused) : chip(c), refusedStep(refused) {}
    ResponseApdu transmit(const CommandApdu& c) override
    {
        if (c.ins() == 0x22) return chip.mseSetAt(c);
        if (++step == refusedStep) return ResponseApdu(sw::WRONG_DATA);
        return chip.generalAuthenticate(c);
    }
    ChannelLimits limits() const override { return {}; }
};

// H, the mapping secret both sides compute at GA2, from the same draws: the terminal's first, the chip's after its nonce.
void watchMappingSecret(const lds::PaceInfo& info)
{
    std::unique_ptr<KeyAgreementGroup> group = standardGroup(*info.parameterId);
    test::ReplayedRandom terminalRandom(7, false), chipRandom(11, false);
    Bytes nonce = chipRandom.bytes(crypto::blockSize(paceAlgorithmFor(info.protocol)->cipher));
    KeyPair terminalMapping = group->generateKeyPair(terminalRandom), chipMapping = group->generateKeyPair(chipRandom);
    Bytes h = group->sharedElement(ByteView(terminalMapping.privateKey.data(), terminalMapping.privateKey.size()), chipMapping.publicKey);
    test::freed::watch("H (the mapping secret)", h, true);
}

// One PACE session, then a protected READ BINARY answered with file data, on both sides of the link; or a session
// the chip ends at refusedStep.
void runSession(const lds::PaceInfo& info, PacePassword kind, ByteView password, bool learn, int refusedStep)
{
    test::ReplayedRandom terminalRandom(7, learn), chipRandom(11, learn);
    PaceResponder chip({info}, text("917354"), text("T22000129364081251010318"), chipRandom);
    ChipLink link(chip, refusedStep);
    if (refusedStep != 0) {
        CHECK_THROWS_AS(performPace(link, info, kind, password, terminalRandom), CardStatusError);
        return;
    }
    PaceResult result = performPace(link, info, kind, password, terminalRandom);
    REQUIRE(chip.established().has_value());
    SecureMessaging& terminal = result.secureMessaging;
    CommandApdu wire = terminal.protectCommand(CommandApdu(0x00, 0xB0, 0x00, 0x00, std::size_t{16}));
    CommandApdu plain = chip.established()->unprotectCommand(wire);
    ResponseApdu answer = chip.established()->protectResponse(ResponseApdu(Bytes(16, 0x5A), sw::OK), plain.ins());
    CHECK(terminal.unprotectResponse(answer).data() == Bytes(16, 0x5A));
    if (learn) {
        test::freed::watch("K_enc", terminal.keys().encKey());
        test::freed::watch("K_mac", terminal.keys().macKey());
        SecureBytes kPi = passwordKey(password, paceAlgorithmFor(info.protocol)->cipher);
        test::freed::watch("K_pi", ByteView(kPi.data(), kPi.size()));
        watchMappingSecret(info);
    }
}

void checkSessionLeavesNoSecret(const lds::PaceInfo& info, PacePassword kind, ByteView password, const char* passwordName,
                                int refusedStep = 0)
{
    test::freed::reset();
    test::freed::watch(passwordName, password);
    runSession(info, kind, password, true, refusedStep);
    test::freed::start();
    runSession(info, kind, password, false, refusedStep);
    test::freed::stop();
    test::freed::checkNothingFound();
}
} // namespace

TEST_CASE("OpenSSL's allocator is watched too")
{
#if defined(__SANITIZE_ADDRESS__)
    // In the ASan build OpenSSL has allocated before the hook is set (initialisation order), so it refuses it;
    // the Release pass checks OpenSSL's frees, this pass the program's own.
    if (!test::freed::opensslHooked()) {
        std::cout << "SKIPPED: OpenSSL's allocator cannot be hooked in the sanitizer build\n";
        std::exit(4);
    }
#endif
    CHECK(test::freed::opensslHooked());
}

TEST_CASE("the inspection finds a secret freed without a wipe, and not one that was wiped")
{
    test::freed::reset();
    const Bytes secret = fromHex("0F1E2D3C4B5A69788796A5B4C3D2E1F0");
    test::freed::watch("the planted secret", secret);
    test::freed::start();
    { Bytes careless(secret); }
    { SecureBytes careful(secret.begin(), secret.end()); }
    test::freed::stop();
    std::vector<test::freed::Finding> findings = test::freed::findings();
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].secret == "the planted secret");
    test::freed::reset();
}

TEST_CASE("PACE-CAN over ECDH and AES leaves no key, password or nonce in freed memory")
{
    checkSessionLeavesNoSecret(lds::PaceInfo{"0.4.0.127.0.7.2.2.4.2.2", 2, 13}, PacePassword::Can, text("917354"), "the CAN");
}

TEST_CASE("PACE-MRZ over DH and 3DES leaves no key, password or nonce in freed memory")
{
    checkSessionLeavesNoSecret(lds::PaceInfo{"0.4.0.127.0.7.2.2.4.1.1", 2, 2}, PacePassword::Mrz, text("T22000129364081251010318"),
                               "the MRZ information");
}

TEST_CASE("PACE ended by the chip after the nonce leaves no nonce or password in freed memory")
{
    constexpr int mappingStep = 2; // GA2: the terminal holds the decrypted nonce
    checkSessionLeavesNoSecret(lds::PaceInfo{"0.4.0.127.0.7.2.2.4.2.2", 2, 13}, PacePassword::Can, text("917354"), "the CAN",
                               mappingStep);
}
