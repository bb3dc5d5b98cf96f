#include "cccd/error.hpp"
#include "icao/bac.hpp"
#include "icao/mrz_key.hpp"
#include "transport/scripted_channel.hpp"
#include "vectors.hpp"

#include <catch2/catch.hpp>

using namespace cccd;
using namespace cccd::icao;
using cccd::test::hexField;
using cccd::test::workedExamples;

namespace {
const nlohmann::json& appendixD() { return workedExamples().at("bac_appendix_d"); }

MrzKeyData specimenKey()
{
    const auto& mrz = appendixD().at("mrz");
    std::string number = mrz.at("document_number");
    while (!number.empty() && number.back() == '<') number.pop_back();
    return {number, mrz.at("date_of_birth"), mrz.at("date_of_expiry")};
}

std::string hex(const SecureBytes& b) { return toHex(ByteView(b.data(), b.size())); }
std::string text(const SecureBytes& b) { return std::string(b.begin(), b.end()); }
} // namespace

TEST_CASE("MRZ information and K_seed: ICAO D.2 and the long document number rule")
{
    CHECK(text(mrzInformation(specimenKey())) == appendixD().at("d2_key_derivation").at("mrz_information").get<std::string>());
    CHECK(hex(bacKeySeed(specimenKey())) == appendixD().at("d2_key_derivation").at("k_seed").get<std::string>());

    const auto& examples = workedExamples().at("mrz_examples");
    const auto& td1 = examples.at("td1_specimen").at("parsed");
    MrzKeyData eriksson{td1.at("document_number"), td1.at("date_of_birth"), td1.at("date_of_expiry")};
    CHECK(text(mrzInformation(eriksson)) == examples.at("td1_specimen").at("mrz_information").get<std::string>());

    const auto& longNumber = examples.at("td1_long_document_number");
    const auto& parsed = longNumber.at("parsed");
    MrzKeyData stevenson{parsed.at("document_number"), parsed.at("date_of_birth"), parsed.at("date_of_expiry")};
    CHECK(text(mrzInformation(stevenson)) == longNumber.at("mrz_information").get<std::string>());
    CHECK(hex(bacKeySeed(stevenson)) == longNumber.at("k_seed").get<std::string>());
}

TEST_CASE("ICAO D.3: BAC with fixed nonces, byte for byte, then D.4 under the session keys")
{
    const auto& d3 = appendixD().at("d3_authentication");
    ScriptedChannel card = ScriptedChannel::fromHex({
        {d3.at("get_challenge").at("command"), d3.at("get_challenge").at("response")},
        {d3.at("external_authenticate").at("command"), d3.at("external_authenticate").at("response")},
    });
    crypto::FixedRandom random(concat({hexField(d3, "rnd_ifd"), hexField(d3, "k_ifd")}));
    SecureMessaging sm = performBac(card, specimenKey(), random);
    card.requireFinished();
    CHECK(toHex(sm.keys().ssc()) == d3.at("ssc").get<std::string>());

    // The session keys are right if D.4's first protected command comes out exactly.
    const auto& d4 = workedExamples().at("secure_messaging_appendix_d4").at("steps").at(0);
    CHECK(toHex(sm.protectCommand(CommandApdu::parse(hexField(d4, "plain_command"))).encode()) ==
          d4.at("protected_apdu").get<std::string>());
}

TEST_CASE("ICAO D.3 from the chip side: the responder answers exactly as the example")
{
    const auto& d3 = appendixD().at("d3_authentication");
    crypto::FixedRandom random(concat({hexField(d3.at("get_challenge"), "rnd_ic"), hexField(d3, "k_ic")}));
    BacResponder chip(specimenKey(), random);
    CHECK(toHex(chip.getChallenge(CommandApdu::parse(fromHex("0084000008"))).encode()) ==
          d3.at("get_challenge").at("response").get<std::string>());
    ResponseApdu answer = chip.externalAuthenticate(CommandApdu::parse(hexField(d3.at("external_authenticate"), "command")));
    CHECK(toHex(answer.encode()) == d3.at("external_authenticate").at("response").get<std::string>());
    REQUIRE(chip.established().has_value());
    CHECK(toHex(chip.established()->keys().ssc()) == d3.at("ssc").get<std::string>());
}

TEST_CASE("BAC with a wrong MRZ is access denied, with the step and the SW")
{
    const auto& d3 = appendixD().at("d3_authentication");
    crypto::Random& rnd = crypto::systemRandom();
    BacResponder chip(specimenKey(), rnd);

    // A terminal with the wrong date of birth, talking to the responder through a loopback channel.
    struct Loopback : ApduChannel {
        BacResponder& chip;
        explicit Loopback(BacResponder& c) : chip(c) {}
        ResponseApdu transmit(const CommandApdu& c) override
        {
            return c.ins() == 0x84 ? chip.getChallenge(c) : chip.externalAuthenticate(c);
        }
        ChannelLimits limits() const override { return {}; }
    } loopback(chip);

    MrzKeyData wrong = specimenKey();
    wrong.dateOfBirth = "690807";
    try {
        performBac(loopback, wrong, rnd);
        FAIL("no error");
    } catch (const CardStatusError& e) {
        CHECK(e.kind() == ErrorKind::AccessDenied);
        CHECK(e.statusWord() == 0x6300);
        CHECK_THAT(e.what(), Catch::Contains("wrong MRZ data (BAC EXTERNAL AUTHENTICATE"));
    }
    CHECK_FALSE(chip.established().has_value());

    SecureMessaging terminal = performBac(loopback, specimenKey(), rnd);
    REQUIRE(chip.established().has_value());
    CHECK(terminal.keys().ssc() == chip.established()->keys().ssc());
    (void)d3;
}

TEST_CASE("BAC rejects a chip that answers with the wrong MAC or nonce")
{
    const auto& d3 = appendixD().at("d3_authentication");
    Bytes response = hexField(d3.at("external_authenticate"), "response");
    response[35] ^= 0x01; // M_IC
    ScriptedChannel card({{hexField(d3.at("get_challenge"), "command"), hexField(d3.at("get_challenge"), "response"), {}},
                          {hexField(d3.at("external_authenticate"), "command"), response, {}}});
    crypto::FixedRandom random(concat({hexField(d3, "rnd_ifd"), hexField(d3, "k_ifd")}));
    CHECK_THROWS_WITH(performBac(card, specimenKey(), random), Catch::Contains("MAC does not verify"));
}
