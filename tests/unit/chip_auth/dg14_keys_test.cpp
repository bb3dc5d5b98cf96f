// Chip Authentication keys of real sample DG14 files: the SDK builds the group each key names (PKCS#3 DH,
// explicit EC parameters) and runs the protocol; what it cannot use is NOT_SUPPORTED with "the SDK cannot".
#include "cccd/error.hpp"
#include "core/tlv.hpp"
#include "icao/bn_handles.hpp"
#include "icao/chip_authentication.hpp"
#include "icao/chip_authentication_key.hpp"
#include "icao/pace_steps.hpp"
#include "lds/security_infos.hpp"
#include "test_data.hpp"

#include <catch2/catch.hpp>
#include <openssl/obj_mac.h>

#include <algorithm>

using namespace cccd;

namespace {
lds::SecurityInfos sampleDg14(const std::string& path)
{
    Bytes file = test::readData("vectors/lds-samples/" + path);
    return lds::parseSecurityInfos(parseTlv(file, "DG14").value, "DG14");
}

// A chip that refuses every command in the clear, and remembers what it was sent.
struct RefusingChip : ApduChannel {
    std::vector<CommandApdu> received;
    ResponseApdu transmit(const CommandApdu& c) override
    {
        received.push_back(c);
        return ResponseApdu(sw::WRONG_DATA);
    }
    ChannelLimits limits() const override { return {}; }
};

CheckResult chipAuthenticationWith(RefusingChip& chip, const lds::SecurityInfos& dg14)
{
    icao::SecureChannel channel(chip, icao::sessionFromSharedSecret(Bytes(16, 0x01), crypto::Cipher::Tdes));
    return icao::performChipAuthentication(channel, dg14, crypto::systemRandom());
}

SecureBytes agree(const icao::KeyAgreementGroup& group, const icao::KeyPair& ours, ByteView theirs)
{
    return group.sharedSecret(ByteView(ours.privateKey.data(), ours.privateKey.size()), theirs);
}
} // namespace

TEST_CASE("the ICAO sample DG14 (PKCS#3 DH key without q, id-CA-DH-3DES) gives a DH group the SDK runs CA with")
{
    lds::SecurityInfos dg14 = sampleDg14("jmrtd-misc/spec_sample_encoded_dg14.bin");
    REQUIRE(dg14.chipAuthenticationPublicKeys.size() == 1);
    CHECK(dg14.chipAuthenticationPublicKeys[0].protocol == "0.4.0.127.0.7.2.2.1.1");
    REQUIRE(dg14.chipAuthentication.size() == 1);
    CHECK(icao::publicKeyProtocolFor(dg14.chipAuthentication[0].protocol) == "0.4.0.127.0.7.2.2.1.1");
    CHECK(icao::chipAuthenticationCipher(dg14.chipAuthentication[0].protocol) == crypto::Cipher::Tdes);

    crypto::PKey key = icao::decodePublicKey(dg14.chipAuthenticationPublicKeys[0].subjectPublicKey);
    REQUIRE(key);
    icao::StaticKey chip = icao::staticKeyOf(key.get());
    CHECK_FALSE(chip.group->isEllipticCurve());
    CHECK(chip.publicKey.size() == 128); // 1024-bit p
    icao::KeyPair ours = chip.group->generateKeyPair(crypto::systemRandom());
    icao::KeyPair theirs = chip.group->generateKeyPair(crypto::systemRandom());
    CHECK(ours.privateKey.size() == 32);
    CHECK(ours.publicKey.size() == 128);
    CHECK(agree(*chip.group, ours, chip.publicKey).size() == 128);
    CHECK(agree(*chip.group, ours, theirs.publicKey) == agree(*chip.group, theirs, ours.publicKey));
    CHECK_THROWS_AS(agree(*chip.group, ours, Bytes{0x01}), Error);     // y = 1
    CHECK_THROWS_AS(agree(*chip.group, ours, Bytes(128, 0xFF)), Error); // y > p

    RefusingChip refusing;
    CheckResult result = chipAuthenticationWith(refusing, dg14);
    CHECK(result.status == CheckStatus::Failed); // it got as far as the chip: not NOT_SUPPORTED
    CHECK_THAT(result.reason, Catch::Contains("MSE:Set KAT"));
    REQUIRE(refusing.received.size() == 1);
    CHECK(refusing.received[0].ins() == 0x22);
    CHECK(refusing.received[0].p1() == 0x41);
    CHECK(refusing.received[0].p2() == 0xA6);
}

TEST_CASE("the BSI sample DG14: explicit EC parameters equal to brainpoolP224r1 are used as that curve")
{
    lds::SecurityInfos dg14 = sampleDg14("jmrtd-bsi2008/Datagroup14.bin");
    crypto::PKey key = icao::decodePublicKey(dg14.chipAuthenticationPublicKeys.at(0).subjectPublicKey);
    REQUIRE(key);
    icao::StaticKey chip = icao::staticKeyOf(key.get());
    CHECK(chip.group->isEllipticCurve());
    CHECK(chip.publicKey.size() == 57); // 04 || X || Y on a 224-bit field
    icao::KeyPair ours = chip.group->generateKeyPair(crypto::systemRandom());
    CHECK(agree(*chip.group, ours, chip.publicKey).size() == 28);
    RefusingChip refusing;
    CHECK(chipAuthenticationWith(refusing, dg14).status == CheckStatus::Failed);
}

TEST_CASE("keys and protocols the SDK cannot use are NOT_SUPPORTED with a reason starting 'the SDK cannot'")
{
    lds::SecurityInfos dg14 = sampleDg14("jmrtd-bsi2008/Datagroup14.bin");
    // The same curve with 2G as generator: valid explicit parameters that match no named curve.
    Bytes& spki = dg14.chipAuthenticationPublicKeys.at(0).subjectPublicKey;
    icao::EcGroup curve(EC_GROUP_new_by_curve_name(NID_brainpoolP224r1));
    icao::EcPoint twice(EC_POINT_new(curve.get()));
    REQUIRE(EC_POINT_dbl(curve.get(), twice.get(), EC_GROUP_get0_generator(curve.get()), nullptr) == 1);
    Bytes g(57), g2(57);
    EC_POINT_point2oct(curve.get(), EC_GROUP_get0_generator(curve.get()), POINT_CONVERSION_UNCOMPRESSED, g.data(), g.size(), nullptr);
    EC_POINT_point2oct(curve.get(), twice.get(), POINT_CONVERSION_UNCOMPRESSED, g2.data(), g2.size(), nullptr);
    auto at = std::search(spki.begin(), spki.end(), g.begin(), g.end());
    REQUIRE(at != spki.end());
    std::copy(g2.begin(), g2.end(), at);
    RefusingChip refusing;
    CheckResult unnamed = chipAuthenticationWith(refusing, dg14);
    CHECK(unnamed.status == CheckStatus::NotSupported);
    CHECK(unnamed.reason.rfind("the SDK cannot use this DG14 key: ", 0) == 0);
    CHECK_THAT(unnamed.reason, Catch::Contains("no named curve"));

    lds::SecurityInfos unknownCipher = sampleDg14("jmrtd-misc/spec_sample_encoded_dg14.bin");
    unknownCipher.chipAuthentication.at(0).protocol = "0.4.0.127.0.7.2.2.3.1.9";
    CheckResult unknown = chipAuthenticationWith(refusing, unknownCipher);
    CHECK(unknown.status == CheckStatus::NotSupported);
    CHECK(unknown.reason.rfind("the SDK cannot", 0) == 0);
    CHECK(refusing.received.empty()); // nothing was sent to the chip

    lds::SecurityInfos noProtocol = sampleDg14("jmrtd-misc/spec_sample_encoded_dg14.bin");
    noProtocol.chipAuthentication.clear();
    // One key and no ChipAuthenticationInfo: CA version 1 with 3DES (ICAO 9303-11 §9.2.5), so MSE:Set KAT is sent.
    CHECK_THAT(chipAuthenticationWith(refusing, noProtocol).reason, Catch::Contains("MSE:Set KAT"));
    noProtocol.chipAuthenticationPublicKeys.push_back(noProtocol.chipAuthenticationPublicKeys.front());
    CHECK(chipAuthenticationWith(refusing, noProtocol).reason == "DG14 names no chip authentication protocol for its key");
}
