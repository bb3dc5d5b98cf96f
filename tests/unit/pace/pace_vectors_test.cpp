// ICAO 9303-11 Appendix G.1 (ECDH GM) and G.2 (DH GM) with injected randomness, byte for byte,
// from both sides of the link.
#include "icao/pace.hpp"
#include "icao/pace_chip.hpp"
#include "icao/pace_steps.hpp"
#include "lds/security_infos.hpp"
#include "transport/scripted_channel.hpp"
#include "vectors.hpp"

#include <catch2/catch.hpp>

using namespace cccd;
using namespace cccd::icao;
using cccd::test::hexField;
using cccd::test::workedExamples;

namespace {
const std::string mrzInformation = "T22000129364081251010318"; // the G.1/G.2 specimen MRZ

ByteView text(const std::string& s) { return ByteView(reinterpret_cast<const std::uint8_t*>(s.data()), s.size()); }

lds::PaceInfo infoOf(const nlohmann::json& example)
{
    lds::SecurityInfos infos = lds::parseCardAccess(hexField(example, "ef_cardaccess"));
    REQUIRE(infos.pace.size() == 1);
    return infos.pace[0];
}

// The example's script. We always send the parameter id (tag 84) in MSE:Set AT, which the G.2 example
// leaves out; the MSE form does not enter any computation, so that step uses our form.
ScriptedChannel scriptOf(const nlohmann::json& example)
{
    std::vector<ScriptedChannel::Step> steps;
    bool mseDone = false;
    for (const auto& apdu : example.at("apdus")) {
        Bytes command = hexField(apdu, "command");
        if (command[1] == 0x22) {
            if (mseDone) continue;
            command = paceMseSetAt(infoOf(example), PacePassword::Mrz).encode();
            mseDone = true;
        }
        Bytes response = hexField(apdu, "response");
        if (toHex(response).substr(toHex(response).size() - 4) != "9000") append(response, {0x90, 0x00}); // G.2's GA4 is printed without SW
        steps.push_back({command, response, apdu.at("step")});
    }
    return ScriptedChannel(steps);
}
} // namespace

TEST_CASE("PACE G.1 ECDH Generic Mapping, terminal side, byte for byte")
{
    const auto& g1 = workedExamples().at("pace_g1_ecdh_gm");
    ScriptedChannel card = scriptOf(g1);
    crypto::FixedRandom random(concat({hexField(g1.at("mapping"), "sk_ifd"), hexField(g1.at("key_agreement"), "sk_ifd")}));
    PaceResult result = performPace(card, infoOf(g1), PacePassword::Mrz, text(mrzInformation), random);
    card.requireFinished();
    CHECK(result.protocol == g1.at("protocol").at("oid").get<std::string>());
    CHECK(toHex(result.chipEphemeralPublicKey) == g1.at("key_agreement").at("pk_ic").get<std::string>());
    CHECK(toHex(result.secureMessaging.keys().ssc()) == g1.at("session_keys").at("ssc_initial").get<std::string>());
}

TEST_CASE("PACE G.1 intermediate values")
{
    const auto& g1 = workedExamples().at("pace_g1_ecdh_gm");
    SecureBytes pi = pacePassword(PacePassword::Mrz, text(mrzInformation));
    CHECK(toHex(ByteView(pi.data(), pi.size())) == g1.at("pi_sha1_mrz_information").get<std::string>());
    SecureBytes kPi = passwordKey(ByteView(pi.data(), pi.size()), crypto::Cipher::Aes128);
    CHECK(toHex(ByteView(kPi.data(), kPi.size())) == g1.at("k_pi").get<std::string>());
    Bytes s = decryptNonce(crypto::Cipher::Aes128, ByteView(kPi.data(), kPi.size()), hexField(g1, "encrypted_nonce_z"));
    CHECK(toHex(s) == g1.at("nonce_s").get<std::string>());

    auto group = standardGroup(13);
    const auto& m = g1.at("mapping");
    CHECK(toHex(group->publicKeyOf(hexField(m, "sk_ifd"))) == m.at("pk_ifd").get<std::string>());
    Bytes h = group->sharedElement(hexField(m, "sk_ifd"), hexField(m, "pk_ic"));
    CHECK(toHex(h) == m.at("shared_point_H").get<std::string>());
    auto mapped = group->mapGeneric(s, h);
    const auto& k = g1.at("key_agreement");
    CHECK(toHex(mapped->publicKeyOf(hexField(k, "sk_ifd"))) == k.at("pk_ifd").get<std::string>());
    SecureBytes shared = mapped->sharedSecret(hexField(k, "sk_ifd"), hexField(k, "pk_ic"));
    CHECK(toHex(ByteView(shared.data(), shared.size())) == k.at("shared_secret_K_x").get<std::string>());
    const auto& t = g1.at("authentication_tokens");
    CHECK(toHex(publicKeyDataObject(g1.at("protocol").at("oid"), 0x86, hexField(k, "pk_ic"))) == t.at("input_t_ifd").get<std::string>());
    CHECK(toHex(authenticationToken(crypto::Cipher::Aes128, hexField(g1.at("session_keys"), "ks_mac"), hexField(t, "input_t_ifd"))) ==
          t.at("t_ifd").get<std::string>());
}

TEST_CASE("PACE G.2 DH Generic Mapping (RFC 5114 1024/160), terminal side, byte for byte")
{
    const auto& g2 = workedExamples().at("pace_g2_dh_gm");
    ScriptedChannel card = scriptOf(g2);
    crypto::FixedRandom random(concat({hexField(g2.at("mapping"), "sk_ifd"), hexField(g2.at("key_agreement"), "sk_ifd")}));
    PaceResult result = performPace(card, infoOf(g2), PacePassword::Mrz, text(mrzInformation), random);
    card.requireFinished();
    CHECK_FALSE(result.algorithm.ellipticCurve);
    CHECK(toHex(result.chipEphemeralPublicKey) == g2.at("key_agreement").at("pk_ic").get<std::string>());
}

TEST_CASE("PACE G.1 and G.2 chip side: the responder gives the example's answers")
{
    for (const char* name : {"pace_g1_ecdh_gm", "pace_g2_dh_gm"}) {
        INFO(name);
        const auto& ex = workedExamples().at(name);
        crypto::FixedRandom random(concat({hexField(ex, "nonce_s"), hexField(ex.at("mapping"), "sk_ic"),
                                           hexField(ex.at("key_agreement"), "sk_ic")}));
        PaceResponder chip({infoOf(ex)}, text("000000"), text(mrzInformation), random);
        for (const auto& apdu : ex.at("apdus")) {
            CommandApdu command = CommandApdu::parse(hexField(apdu, "command"));
            ResponseApdu answer = command.ins() == 0x22 ? chip.mseSetAt(command) : chip.generalAuthenticate(command);
            std::string expected = apdu.at("response");
            if (expected.size() >= 4 && expected.substr(expected.size() - 4) == "9000") {
                CHECK(toHex(answer.encode()) == expected);
            } else { // G.2's printed GA4 answer adds a CAR (87) for Terminal Authentication and drops the SW
                CHECK(toHex(dynamicAuthenticationValue(answer.data(), 0x86, "GA4")) ==
                      toHex(dynamicAuthenticationValue(fromHex(expected), 0x86, "GA4")));
            }
        }
        CHECK(chip.established().has_value());
    }
}
