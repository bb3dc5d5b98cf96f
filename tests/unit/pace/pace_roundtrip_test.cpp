// The terminal against the chip responder: every curve family and cipher, the CAN and the MRZ,
// a wrong CAN, and malformed chip answers.
#include "cccd/error.hpp"
#include "icao/pace.hpp"
#include "icao/pace_chip.hpp"
#include "icao/pace_steps.hpp"

#include <catch2/catch.hpp>

#include <functional>

using namespace cccd;
using namespace cccd::icao;

namespace {
ByteView text(const std::string& s) { return ByteView(reinterpret_cast<const std::uint8_t*>(s.data()), s.size()); }

// A channel to the responder that can tamper with its answers.
struct ChipLink : ApduChannel {
    PaceResponder& chip;
    std::function<void(ResponseApdu&, int)> tamper;
    int step = 0;
    explicit ChipLink(PaceResponder& c) : chip(c) {}
    ResponseApdu transmit(const CommandApdu& c) override
    {
        ResponseApdu r = c.ins() == 0x22 ? chip.mseSetAt(c) : chip.generalAuthenticate(c);
        if (tamper) tamper(r, step);
        ++step;
        return r;
    }
    ChannelLimits limits() const override { return {}; }
};

lds::PaceInfo info(const std::string& oid, std::uint64_t parameterId) { return lds::PaceInfo{oid, 2, parameterId}; }
} // namespace

TEST_CASE("terminal and chip agree on keys for several curves, groups and ciphers")
{
    struct Case {
        const char* oid;
        std::uint64_t parameterId;
    };
    for (Case c : {Case{"0.4.0.127.0.7.2.2.4.2.2", 13}, Case{"0.4.0.127.0.7.2.2.4.2.1", 13}, Case{"0.4.0.127.0.7.2.2.4.2.3", 15},
                   Case{"0.4.0.127.0.7.2.2.4.2.4", 17}, Case{"0.4.0.127.0.7.2.2.4.2.2", 12}, Case{"0.4.0.127.0.7.2.2.4.1.2", 2}}) {
        INFO(c.oid << " parameter " << c.parameterId);
        PaceResponder chip({info(c.oid, c.parameterId)}, text("123456"), text("T22000129364081251010318"), crypto::systemRandom());
        ChipLink link(chip);
        PaceResult result = performPace(link, info(c.oid, c.parameterId), PacePassword::Can, text("123456"), crypto::systemRandom());
        REQUIRE(chip.established().has_value());
        // Same keys on both sides: a protected command from the terminal opens on the chip.
        CommandApdu wire = result.secureMessaging.protectCommand(CommandApdu(0x00, 0xB0, 0x00, 0x00, std::size_t{4}));
        CHECK(chip.established()->unprotectCommand(wire).ne() == 4);
    }
}

TEST_CASE("PACE with the MRZ password")
{
    lds::PaceInfo i = info("0.4.0.127.0.7.2.2.4.2.2", 13);
    PaceResponder chip({i}, text("123456"), text("T22000129364081251010318"), crypto::systemRandom());
    ChipLink link(chip);
    CHECK_NOTHROW(performPace(link, i, PacePassword::Mrz, text("T22000129364081251010318"), crypto::systemRandom()));
}

TEST_CASE("a wrong CAN is access denied at mutual authentication, in one attempt")
{
    lds::PaceInfo i = info("0.4.0.127.0.7.2.2.4.2.2", 13);
    PaceResponder chip({i}, text("123456"), text("T22000129364081251010318"), crypto::systemRandom());
    ChipLink link(chip);
    try {
        performPace(link, i, PacePassword::Can, text("654321"), crypto::systemRandom());
        FAIL("no error");
    } catch (const CardStatusError& e) {
        CHECK(e.kind() == ErrorKind::AccessDenied);
        CHECK(e.statusWord() == 0x6300);
        CHECK_THAT(e.what(), Catch::StartsWith("access denied: wrong CAN (PACE step GA4 mutual authentication)"));
    }
    CHECK(link.step == 5); // MSE + 4 GA: no retry
    CHECK(chip.failures() == 1);
    CHECK_FALSE(chip.established().has_value());
}

TEST_CASE("hostile chip answers end PACE with an error, never a crash")
{
    lds::PaceInfo i = info("0.4.0.127.0.7.2.2.4.2.2", 13);
    // step 1 = GA1 answer, 2 = GA2, 3 = GA3, 4 = GA4
    std::vector<std::pair<int, std::function<void(ResponseApdu&)>>> attacks{
        {1, [](ResponseApdu& r) { r = ResponseApdu(fromHex("7C0380"), sw::OK); }},               // truncated 7C
        {1, [](ResponseApdu& r) { r = ResponseApdu(fromHex("7C03810100"), sw::OK); }},           // wrong tag
        {1, [](ResponseApdu& r) { r = ResponseApdu(fromHex("7C058003AABBCC"), sw::OK); }},       // nonce not whole blocks
        {2, [](ResponseApdu& r) { r.data()[r.data().size() - 1] ^= 0x01; }},                     // point off the curve
        {2, [](ResponseApdu& r) { r = ResponseApdu(fromHex("7C03820100"), sw::OK); }},           // point at infinity encoding
        {3, [](ResponseApdu& r) { r.data()[10] ^= 0x40; }},                                      // ephemeral key off the curve
        {4, [](ResponseApdu& r) { r.data()[5] ^= 0x01; }},                                       // forged chip token
        {2, [](ResponseApdu& r) { r = ResponseApdu(sw::WRONG_DATA); }},                          // refusal mid-protocol
    };
    for (auto& [at, attack] : attacks) {
        PaceResponder chip({i}, text("123456"), {}, crypto::systemRandom());
        ChipLink link(chip);
        link.tamper = [&, at = at](ResponseApdu& r, int step) {
            if (step == at) attack(r);
        };
        CHECK_THROWS_AS(performPace(link, i, PacePassword::Can, text("123456"), crypto::systemRandom()), Error);
    }
}

TEST_CASE("choosing among offered PACEInfos")
{
    std::vector<lds::PaceInfo> offered{info("0.4.0.127.0.7.2.2.4.6.4", 16), info("0.4.0.127.0.7.2.2.4.2.1", 13),
                                       info("0.4.0.127.0.7.2.2.4.2.4", 16), info("0.4.0.127.0.7.2.2.4.4.2", 13)};
    CHECK(choosePaceInfo(offered)->protocol == "0.4.0.127.0.7.2.2.4.2.4"); // GM before CAM, then the strongest cipher
    CHECK_FALSE(choosePaceInfo({info("0.4.0.127.0.7.2.2.4.4.2", 13)}).has_value()); // IM only
    CHECK_FALSE(choosePaceInfo({info("0.4.0.127.0.7.2.2.4.2.2", 99)}).has_value()); // unknown parameters
    CHECK_FALSE(choosePaceInfo({info("0.4.0.127.0.7.2.2.4.1.2", 13)}).has_value()); // DH OID with a curve
    CHECK(paceAlgorithmFor("0.4.0.127.0.7.2.2.4.2.2")->cipher == crypto::Cipher::Aes128);
    CHECK_FALSE(paceAlgorithmFor("0.4.0.127.0.7.2.2.3.2.2").has_value());
}

TEST_CASE("the MSE:Set AT command carries OID, password reference and parameter id, and no Le")
{
    CommandApdu mse = paceMseSetAt(info("0.4.0.127.0.7.2.2.4.2.2", 13), PacePassword::Can);
    CHECK(toHex(mse.encode()) == "0022C1A412800A04007F0007020204020283010284010D");
    CHECK_FALSE(mse.hasLe());
}
