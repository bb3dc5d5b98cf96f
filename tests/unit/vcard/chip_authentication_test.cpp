// Terminal Chip Authentication (sdk/icao) against the virtual chip's responder, in-process: ECDH and DH keys,
// AES (MSE:Set AT + GENERAL AUTHENTICATE) and 3DES (MSE:Set KAT), and a cloned chip.
#include "core/tlv.hpp"
#include "icao/chip_authentication.hpp"
#include "icao/chip_authentication_key.hpp"
#include "lds_encoders.hpp"
#include "test_data.hpp"
#include "vcard_harness.hpp"

#include <catch2/catch.hpp>
#include <openssl/core_names.h>

using namespace cccd;
using namespace cccd::vcard;
using namespace cccd::vcard::harness;

namespace {
const std::string caDh3des = "0.4.0.127.0.7.2.2.3.1.1";   // id-CA-DH-3DES-CBC-CBC
const std::string caEcdhAes256 = "0.4.0.127.0.7.2.2.3.2.4"; // id-CA-ECDH-AES-CBC-CMAC-256

CardImage dhCard(const Faults& faults = {})
{
    Profile profile = sampleProfile();
    profile.chip.chipAuthenticationKey = "dh-2048";
    return image(faults, profile);
}

lds::SecurityInfos dg14Of(const Bytes& file) { return lds::parseSecurityInfos(parseTlv(file, "DG14").value, "DG14"); }

lds::SecurityInfos dg14Of(const CardImage& card) { return dg14Of(card.files.at(0x010E)); }

// PACE, then Chip Authentication with the given DG14 content; after a PASSED, reading goes on under the new keys.
CheckResult chipAuthentication(CardImage card, const lds::SecurityInfos& dg14)
{
    std::string can = card.can;
    VirtualChip chip(std::move(card), {}, {}, crypto::systemRandom());
    Direct direct(chip);
    icao::SecureChannel channel(direct, paceWithCan(direct, can));
    CheckResult result = icao::performChipAuthentication(channel, dg14, crypto::systemRandom());
    INFO(result.reason);
    if (result.status == CheckStatus::Passed) CHECK(channel.transmit(CommandApdu(0x00, 0xB0, 0x81, 0x00, std::size_t{256})).isSuccess());
    return result;
}

// A PKCS#3 key (dhKeyAgreement: p and g, no q) of a group OpenSSL knows no name for, so no q is implied:
// the 1024-bit group of the ICAO sample DG14.
crypto::PKey pkcs3Key()
{
    lds::SecurityInfos sample = dg14Of(test::readData("vectors/lds-samples/jmrtd-misc/spec_sample_encoded_dg14.bin"));
    ChipAuthenticationKey published{icao::decodePublicKey(sample.chipAuthenticationPublicKeys.at(0).subjectPublicKey), caDhProtocol};
    return freshKeyLike(published).key;
}
} // namespace

TEST_CASE("dh-2048 personalizes DG14 with an X9.42 key of the RFC 5114 group and id-CA-DH-AES-CBC-CMAC-128")
{
    CardImage card = dhCard();
    lds::SecurityInfos dg14 = dg14Of(card);
    REQUIRE(dg14.chipAuthenticationPublicKeys.size() == 1);
    CHECK(dg14.chipAuthenticationPublicKeys[0].protocol == "0.4.0.127.0.7.2.2.1.1");
    REQUIRE(dg14.chipAuthentication.size() == 1);
    CHECK(dg14.chipAuthentication[0].protocol == "0.4.0.127.0.7.2.2.3.1.2");
    crypto::PKey published = icao::decodePublicKey(dg14.chipAuthenticationPublicKeys[0].subjectPublicKey);
    REQUIRE(published);
    CHECK(EVP_PKEY_get_base_id(published.get()) == EVP_PKEY_DHX);
    CHECK(EVP_PKEY_get_bits(published.get()) == 2048);
    CHECK(EVP_PKEY_parameters_eq(published.get(), icao::namedDhParameters("dh_2048_256").get()) == 1);
}

TEST_CASE("DH chip authentication with AES (MSE:Set AT + GENERAL AUTHENTICATE) passes")
{
    CardImage card = dhCard();
    lds::SecurityInfos dg14 = dg14Of(card);
    CHECK(chipAuthentication(std::move(card), dg14).status == CheckStatus::Passed);
}

TEST_CASE("DH chip authentication with 3DES (MSE:Set KAT) passes")
{
    CardImage card = dhCard();
    card.chipAuthenticationKey.protocol = caDh3des;
    lds::SecurityInfos dg14 = dg14Of(card);
    dg14.chipAuthentication.at(0).protocol = caDh3des;
    CHECK(chipAuthentication(std::move(card), dg14).status == CheckStatus::Passed);
}

TEST_CASE("a PKCS#3 DH key without q in DG14 passes with the range-checked group")
{
    CardImage card = dhCard();
    card.chipAuthenticationKey.key = pkcs3Key();
    lds::SecurityInfos dg14 = dg14Of(card);
    dg14.chipAuthenticationPublicKeys.at(0).subjectPublicKey = publicKeyInfo(card.chipAuthenticationKey.key.get());
    crypto::PKey published = icao::decodePublicKey(dg14.chipAuthenticationPublicKeys[0].subjectPublicKey);
    REQUIRE(published);
    CHECK(EVP_PKEY_get_base_id(published.get()) == EVP_PKEY_DH);
    CHECK_FALSE(icao::keyParameter(published.get(), OSSL_PKEY_PARAM_FFC_Q)); // the SPKI carries no q
    CHECK(chipAuthentication(std::move(card), dg14).status == CheckStatus::Passed);
}

TEST_CASE("a cloned chip (a fresh DH key of the same group) fails DH chip authentication")
{
    Faults clone;
    clone.clone = true;
    CardImage card = dhCard(clone);
    lds::SecurityInfos dg14 = dg14Of(card);
    crypto::PKey published = icao::decodePublicKey(dg14.chipAuthenticationPublicKeys.at(0).subjectPublicKey);
    REQUIRE(published);
    CHECK(EVP_PKEY_parameters_eq(published.get(), card.chipAuthenticationKey.key.get()) == 1);
    CHECK(EVP_PKEY_eq(published.get(), card.chipAuthenticationKey.key.get()) != 1);
    CheckResult result = chipAuthentication(std::move(card), dg14);
    CHECK(result.status == CheckStatus::Failed);
    CHECK_THAT(result.reason, Catch::Contains("clone"));
}

TEST_CASE("ECDH chip authentication still passes, and the chip refuses a protocol it was not personalized with")
{
    CHECK(chipAuthentication(image(), dg14Of(image())).status == CheckStatus::Passed);
    lds::SecurityInfos other = dg14Of(image());
    other.chipAuthentication.at(0).protocol = caEcdhAes256;
    CheckResult refused = chipAuthentication(image(), other);
    CHECK(refused.status == CheckStatus::Failed);
    CHECK_THAT(refused.reason, Catch::Contains("refused MSE:Set AT"));
}
