#include "cccd/error.hpp"
#include "core/bytes.hpp"
#include "core/check_digit.hpp"
#include "core/secure.hpp"

#include <catch2/catch.hpp>

using namespace cccd;

TEST_CASE("hex round trip and separators")
{
    CHECK(toHex(fromHex("00 a4:04\n0C")) == "00A4040C");
    CHECK(fromHex("").empty());
    CHECK_THROWS_AS(fromHex("ABC"), Error);
    CHECK_THROWS_AS(fromHex("A B"), Error);
    CHECK_THROWS_AS(fromHex("GG"), Error);
}

TEST_CASE("ByteView sub-views are bounds-checked")
{
    Bytes b = fromHex("010203");
    ByteView v(b);
    CHECK(toHex(v.sub(1, 2)) == "0203");
    CHECK(v.sub(3).empty());
    CHECK_THROWS_AS(v.sub(2, 2), std::out_of_range);
    CHECK_THROWS_AS(v.sub(4), std::out_of_range);
    CHECK_THROWS_AS(v.at(3), std::out_of_range);
    CHECK_THROWS_AS(v.sub(1, SIZE_MAX), std::out_of_range);
}

TEST_CASE("constant-time equality and big-endian helpers")
{
    CHECK(constantTimeEqual(fromHex("0102"), fromHex("0102")));
    CHECK_FALSE(constantTimeEqual(fromHex("0102"), fromHex("0103")));
    CHECK_FALSE(constantTimeEqual(fromHex("0102"), fromHex("01")));
    CHECK(toHex(bigEndian(0x0102, 4)) == "00000102");
    CHECK(toHex(concat({fromHex("01"), fromHex("0203")})) == "010203");
}

TEST_CASE("secure buffers are wiped")
{
    Bytes secret = fromHex("DEADBEEF");
    wipe(secret);
    CHECK(secret.empty());
    std::uint8_t raw[4] = {1, 2, 3, 4};
    secureZero(raw, sizeof raw);
    CHECK((raw[0] | raw[1] | raw[2] | raw[3]) == 0);
}

TEST_CASE("MRZ check digits (ICAO 9303-3 examples)")
{
    CHECK(mrzCheckDigit("D23145890") == '7');
    CHECK(mrzCheckDigit("740812") == '2');
    CHECK(mrzCheckDigit("120415") == '9');
    CHECK(mrzCheckDigit("L898902C3") == '6');
    CHECK(mrzCheckDigit("<<<<<") == '0');
    CHECK_THROWS_AS(mrzCheckDigit("abc"), Error);
}
