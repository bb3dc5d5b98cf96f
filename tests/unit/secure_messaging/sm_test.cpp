#include "icao/secure_channel.hpp"
#include "icao/secure_messaging.hpp"
#include "transport/scripted_channel.hpp"
#include "vectors.hpp"

#include <catch2/catch.hpp>

using namespace cccd;
using namespace cccd::icao;
using cccd::test::hexField;
using cccd::test::workedExamples;

namespace {
SecureBytes secure(const Bytes& b) { return SecureBytes(b.begin(), b.end()); }

SmKeys appendixD4Keys()
{
    const auto& d4 = workedExamples().at("secure_messaging_appendix_d4");
    return SmKeys(crypto::Cipher::Tdes, secure(hexField(d4, "ks_enc")), secure(hexField(d4, "ks_mac")), hexField(d4, "ssc_initial"));
}

SmKeys keysFor(crypto::Cipher cipher, std::uint8_t seed)
{
    std::size_t n = crypto::keySize(cipher);
    return SmKeys(cipher, SecureBytes(n, seed), SecureBytes(n, static_cast<std::uint8_t>(seed + 1)),
                  Bytes(crypto::blockSize(cipher), 0));
}

const nlohmann::json& d4Step(int i) { return workedExamples().at("secure_messaging_appendix_d4").at("steps").at(i); }
} // namespace

TEST_CASE("ICAO 9303-11 D.4: protecting SELECT and READ BINARY, byte for byte")
{
    SecureMessaging sm(appendixD4Keys());
    for (int i : {0, 2, 4}) {
        const auto& step = d4Step(i);
        INFO(step.at("step").get<std::string>());
        CommandApdu wrapped = sm.protectCommand(CommandApdu::parse(hexField(step, "plain_command")));
        CHECK(toHex(sm.keys().ssc()) == step.at("ssc").get<std::string>());
        CHECK(toHex(wrapped.encode()) == step.at("protected_apdu").get<std::string>());
        const auto& reply = d4Step(i + 1);
        ResponseApdu plain = sm.unprotectResponse(ResponseApdu::parse(hexField(reply, "protected_response")));
        CHECK(toHex(sm.keys().ssc()) == reply.at("ssc").get<std::string>());
        CHECK(toHex(plain.encode()) == reply.at("plain_response").get<std::string>());
    }
    CHECK(toHex(sm.keys().ssc()) == workedExamples().at("secure_messaging_appendix_d4").at("ssc_final").get<std::string>());
}

TEST_CASE("ICAO 9303-11 D.4 through a SecureChannel reads EF.COM")
{
    const auto& d4 = workedExamples().at("secure_messaging_appendix_d4");
    std::vector<std::pair<std::string, std::string>> pairs;
    for (const auto& p : d4.at("apdu_pairs")) pairs.emplace_back(p.at("command"), p.at("response"));
    ScriptedChannel card = ScriptedChannel::fromHex(pairs);
    SecureChannel channel(card, SecureMessaging(appendixD4Keys()));
    CHECK(channel.transmit(CommandApdu(0x00, 0xA4, 0x02, 0x0C, fromHex("011E"))).isSuccess());
    Bytes com = channel.transmit(CommandApdu(0x00, 0xB0, 0x00, 0x00, std::size_t{4})).data();
    append(com, channel.transmit(CommandApdu(0x00, 0xB0, 0x00, 0x04, std::size_t{0x12})).data());
    CHECK(toHex(com) == d4.at("ef_com_full").get<std::string>());
    card.requireFinished();
}

TEST_CASE("ICAO 9303-11 D.4 from the chip side: unprotect the commands, protect the answers")
{
    SecureMessaging chip(appendixD4Keys());
    for (int i : {0, 2, 4}) {
        const auto& step = d4Step(i);
        CommandApdu plain = chip.unprotectCommand(CommandApdu::parse(hexField(step, "protected_apdu")));
        CHECK(toHex(plain.encode()) == step.at("plain_command").get<std::string>());
        const auto& reply = d4Step(i + 1);
        ResponseApdu answer = ResponseApdu::parse(hexField(reply, "plain_response"));
        CHECK(toHex(chip.protectResponse(answer, plain.ins()).encode()) == reply.at("protected_response").get<std::string>());
    }
}

TEST_CASE("BSI worked example: AES secure messaging encryption and MAC")
{
    const auto& b = workedExamples().at("bsi_eac_worked_example_openpace").at("ecdh_brainpoolP256r1");
    const auto& keys = b.at("session_keys");
    const auto& sm = b.at("sm_examples");
    Bytes ssc1(16, 0), ssc2(16, 0);
    ssc1[15] = static_cast<std::uint8_t>(sm.at("encrypt").at("ssc").get<int>());
    ssc2[15] = static_cast<std::uint8_t>(sm.at("mac").at("ssc").get<int>());
    SmKeys enc(crypto::Cipher::Aes128, secure(hexField(keys, "k_enc")), secure(hexField(keys, "k_mac")), ssc1);
    CHECK(toHex(enc.encrypt(hexField(sm.at("encrypt"), "plain"))) == sm.at("encrypt").at("cipher").get<std::string>());
    SmKeys mac(crypto::Cipher::Aes128, secure(hexField(keys, "k_enc")), secure(hexField(keys, "k_mac")), ssc2);
    CHECK(toHex(mac.mac(hexField(sm.at("mac"), "data"))) == sm.at("mac").at("mac").get<std::string>());
}

TEST_CASE("terminal and chip agree for every cipher, short and extended Le, even and odd INS")
{
    for (crypto::Cipher cipher : {crypto::Cipher::Tdes, crypto::Cipher::Aes128, crypto::Cipher::Aes192, crypto::Cipher::Aes256}) {
        SecureMessaging terminal(keysFor(cipher, 0x11));
        SecureMessaging chip(keysFor(cipher, 0x11));
        std::vector<CommandApdu> commands{
            CommandApdu(0x00, 0xA4, 0x02, 0x0C, fromHex("0101")),
            CommandApdu(0x00, 0xB0, 0x00, 0x00, std::size_t{256}),
            CommandApdu(0x00, 0xB0, 0x00, 0x10, std::size_t{65536}),
            CommandApdu(0x00, 0xB1, 0x00, 0x00, fromHex("54020100"), std::size_t{300}),
            CommandApdu(0x00, 0x88, 0x00, 0x00, Bytes(300, 0x5A), std::size_t{256}),
            CommandApdu(0x00, 0x84, 0x00, 0x00),
        };
        for (const CommandApdu& plain : commands) {
            CommandApdu wire = terminal.protectCommand(plain);
            CHECK((wire.cla() & 0x0C) == 0x0C);
            CommandApdu received = chip.unprotectCommand(CommandApdu::parse(wire.encode()));
            CHECK(received.encode() == plain.encode());
            Bytes data(plain.ne() == 0 ? 0 : std::min<std::size_t>(plain.ne(), 1000), 0xC3);
            ResponseApdu answer = chip.protectResponse(ResponseApdu(data, sw::OK), plain.ins());
            CHECK(wire.isExtended() == (plain.isExtended() || wire.data().size() > 255)); // extended only when the command needs it
            ResponseApdu back = terminal.unprotectResponse(ResponseApdu::parse(answer.encode()));
            CHECK(back.data() == data);
            CHECK(back.sw() == sw::OK);
        }
        CHECK(terminal.keys().ssc() == chip.keys().ssc());
    }
}

TEST_CASE("a wrong response MAC fails closed and ends the channel")
{
    const auto& d4 = workedExamples().at("secure_messaging_appendix_d4");
    Bytes tampered = fromHex(d4.at("apdu_pairs").at(0).at("response").get<std::string>());
    tampered[6] ^= 0x01; // inside DO'8E'
    ScriptedChannel card({{fromHex(d4.at("apdu_pairs").at(0).at("command").get<std::string>()), tampered, {}}});
    SecureChannel channel(card, SecureMessaging(appendixD4Keys()));
    CHECK_THROWS_AS(channel.transmit(CommandApdu(0x00, 0xA4, 0x02, 0x0C, fromHex("011E"))), SecureMessagingError);
    CHECK_FALSE(channel.isOpen());
    CHECK_THROWS_WITH(channel.transmit(CommandApdu(0x00, 0xA4, 0x02, 0x0C, fromHex("011E"))), Catch::Contains("session has ended"));
}

TEST_CASE("responses that must not be trusted")
{
    SECTION("plain data with 9000 during SM")
    {
        SecureMessaging sm(keysFor(crypto::Cipher::Aes128, 3));
        sm.protectCommand(CommandApdu(0x00, 0xB0, 0x00, 0x00, std::size_t{4}));
        CHECK_THROWS_AS(sm.unprotectResponse(ResponseApdu(fromHex("01020304"), sw::OK)), SecureMessagingError);
    }
    SECTION("a bare 9000")
    {
        SecureMessaging sm(keysFor(crypto::Cipher::Aes128, 3));
        CHECK_THROWS_AS(sm.unprotectResponse(ResponseApdu(sw::OK)), SecureMessagingError);
    }
    SECTION("6987/6988 end the session")
    {
        SecureMessaging sm(keysFor(crypto::Cipher::Aes128, 3));
        CHECK_THROWS_AS(sm.unprotectResponse(ResponseApdu(sw::SM_DATA_OBJECTS_INCORRECT)), SecureMessagingError);
    }
    SECTION("an unprotected error status is passed on")
    {
        SecureMessaging sm(keysFor(crypto::Cipher::Aes128, 3));
        CHECK(sm.unprotectResponse(ResponseApdu(sw::FILE_NOT_FOUND)).sw() == sw::FILE_NOT_FOUND);
    }
    SECTION("missing DO'8E', repeated objects, truncated TLV, missing DO'99'")
    {
        for (const char* body : {"990290009000", "99029000990290008E080000000000000000", "8E08000000", "8E0800000000000000009000"}) {
            SecureMessaging sm(keysFor(crypto::Cipher::Aes128, 3));
            CHECK_THROWS_AS(sm.unprotectResponse(ResponseApdu::parse(fromHex(body))), Error);
        }
    }
}

TEST_CASE("the chip side rejects plain and forged commands")
{
    SecureMessaging chip(keysFor(crypto::Cipher::Aes128, 7));
    CHECK_THROWS_AS(chip.unprotectCommand(CommandApdu(0x00, 0xB0, 0x00, 0x00, std::size_t{4})), SecureMessagingError);
    SecureMessaging terminal(keysFor(crypto::Cipher::Aes128, 7));
    Bytes wire = terminal.protectCommand(CommandApdu(0x00, 0xB0, 0x00, 0x00, std::size_t{4})).encode();
    wire[3] ^= 0x01; // P2 changed in transit: the MAC covers the header
    SecureMessaging chip2(keysFor(crypto::Cipher::Aes128, 7));
    CHECK_THROWS_AS(chip2.unprotectCommand(CommandApdu::parse(wire)), SecureMessagingError);
}
