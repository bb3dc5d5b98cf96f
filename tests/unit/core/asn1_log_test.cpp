#include "cccd/error.hpp"
#include "core/asn1.hpp"
#include "core/log.hpp"

#include <catch2/catch.hpp>

#include <vector>

using namespace cccd;

TEST_CASE("OIDs decode and encode")
{
    Bytes pace = asn1::encodeOid("0.4.0.127.0.7.2.2.4.2.2");
    CHECK(toHex(pace) == "060A04007F00070202040202");
    CHECK(asn1::decodeOid(parseTlv(pace, "t"), "t") == "0.4.0.127.0.7.2.2.4.2.2");
    CHECK(asn1::decodeOid(parseTlv(asn1::encodeOid("2.23.136.1.1.1"), "t"), "t") == "2.23.136.1.1.1");
    CHECK(asn1::decodeOid(parseTlv(asn1::encodeOid("1.2.840.113549.1.7.2"), "t"), "t") == "1.2.840.113549.1.7.2");
    CHECK_THROWS_AS(asn1::decodeOid(parseTlv(fromHex("0602 2A86"), "t"), "t"), ParseError); // cut-off arc
    CHECK_THROWS_AS(asn1::decodeOid(parseTlv(fromHex("0600"), "t"), "t"), ParseError);
    CHECK_THROWS_AS(asn1::encodeOid("1"), Error);
    CHECK_THROWS_AS(asn1::encodeOid("1.x"), Error);
}

TEST_CASE("small unsigned INTEGERs")
{
    CHECK(toHex(asn1::encodeUnsigned(13)) == "02010D");
    CHECK(toHex(asn1::encodeUnsigned(128)) == "02020080");
    CHECK(asn1::decodeUnsigned(parseTlv(fromHex("02020080"), "t"), "t") == 128);
    CHECK_THROWS_AS(asn1::decodeUnsigned(parseTlv(fromHex("0201FF"), "t"), "t"), ParseError);
    CHECK_THROWS_AS(asn1::decodeUnsigned(parseTlv(fromHex("0209010000000000000000"), "t"), "t"), ParseError);
}

TEST_CASE("strings are checked for valid UTF-8")
{
    Bytes name = encodeTlv(asn1::UTF8_STRING, Bytes{'N', 'g', 'u', 'y', 0xE1, 0xBB, 0x85, 'n'});
    CHECK(asn1::decodeString(parseTlv(name, "DG13"), "DG13") == "Nguy\xE1\xBB\x85n");
    CHECK_FALSE(asn1::isValidUtf8(fromHex("C0AF")));   // overlong '/'
    CHECK_FALSE(asn1::isValidUtf8(fromHex("EDA080"))); // surrogate
    CHECK_FALSE(asn1::isValidUtf8(fromHex("E1BB")));   // cut off
    CHECK_THROWS_AS(asn1::decodeString(parseTlv(fromHex("0C02C0AF"), "t"), "t"), ParseError);
    CHECK_THROWS_AS(asn1::decodeString(parseTlv(fromHex("0401AA"), "t"), "t"), ParseError);
}

TEST_CASE("log masks personal data")
{
    CHECK(maskId("001090123456") == "0010******56");
    CHECK(maskText("Nguy\xE1\xBB\x85n V\xC4\x83n An") == "N***** V** A*");
    CHECK(log::scrubPii("read 001090123456 with CAN 123456 in 12 ms") == "read 0010******56 with CAN ****** in 12 ms");

    std::vector<std::string> seen;
    setLogLevel(LogLevel::Info);
    setLogSink([&seen](LogLevel, std::string_view m) { seen.emplace_back(m); });
    log::info("id 079123456789");
    log::debug("dropped");
    setLogSink(nullptr);
    setLogLevel(LogLevel::Warn);
    REQUIRE(seen.size() == 1);
    CHECK(seen[0] == "id 0791******89");
}
