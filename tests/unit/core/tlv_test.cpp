#include "cccd/error.hpp"
#include "core/tlv.hpp"

#include <catch2/catch.hpp>

#include <functional>

using namespace cccd;

TEST_CASE("TLV: single-byte tag, short length")
{
    Bytes data = fromHex("04 03 AA BB CC");
    Tlv t = parseTlv(data, "test");
    CHECK(t.tag == 0x04);
    CHECK(toHex(t.value) == "AABBCC");
    CHECK(t.encoded.size() == 5);
    CHECK(t.valueOffset == 2);
    CHECK_FALSE(t.constructed());
}

TEST_CASE("TLV: multi-byte tags")
{
    CHECK(parseTlv(fromHex("5F1F 02 4142"), "t").tag == 0x5F1F);
    CHECK(parseTlv(fromHex("7F49 00"), "t").tag == 0x7F49);
    Tlv three = parseTlv(fromHex("7F8101 01 00"), "t");
    CHECK(three.tag == 0x7F8101);
    CHECK(three.constructed());
    CHECK_THROWS_AS(parseTlv(fromHex("1F818181 01 00"), "t"), ParseError); // 5-byte tag
    CHECK_THROWS_AS(parseTlv(fromHex("5F"), "t"), ParseError);             // tag cut off
}

TEST_CASE("TLV: long-form lengths")
{
    Bytes value(200, 0x55);
    Bytes encoded = encodeTlv(0x53, value);
    CHECK(toHex(ByteView(encoded).sub(0, 3)) == "5381C8");
    CHECK(parseTlv(encoded, "t").value.size() == 200);

    Bytes big(0x1234, 0x01);
    Bytes encodedBig = encodeTlv(0x04, big);
    CHECK(toHex(ByteView(encodedBig).sub(0, 4)) == "04821234");
    CHECK(parseTlv(encodedBig, "t").value.size() == 0x1234);

    // Non-minimal long form is allowed for card data, refused in DER.
    Bytes nonMinimal = fromHex("04 81 02 AABB");
    CHECK(parseTlv(nonMinimal, "t").value.size() == 2);
    CHECK_THROWS_AS(parseTlv(nonMinimal, "t", TlvMode::Der), ParseError);
}

TEST_CASE("TLV: truncation and overlong lengths are errors with the offset")
{
    CHECK_THROWS_AS(parseTlv(fromHex("04 05 AABB"), "DG1"), ParseError);
    try {
        Bytes data = fromHex("30 03 020100 04 05 AA");
        TlvReader reader(data, "DG13", 100);
        reader.next();
        reader.next();
        FAIL("no error");
    } catch (const ParseError& e) {
        CHECK(e.context() == "DG13");
        CHECK(e.offset() == 105);
        CHECK(std::string(e.what()).find("exceeds") != std::string::npos);
    }
    CHECK_THROWS_AS(parseTlv(fromHex("04 85 0000000001 AA"), "t"), ParseError); // 5 length bytes
    CHECK_THROWS_AS(parseTlv(fromHex("04 84 FFFFFFFF"), "t"), ParseError);
    CHECK_THROWS_AS(parseTlv(fromHex("04 82 01"), "t"), ParseError);
    CHECK_THROWS_AS(parseTlv(Bytes{}, "t"), ParseError);
    CHECK_THROWS_AS(parseTlv(fromHex("04"), "t"), ParseError);
}

TEST_CASE("TLV: indefinite length only in BER mode, only for constructed values")
{
    Bytes ber = fromHex("30 80 04 01 AA 30 80 02 01 05 00 00 00 00 FF");
    CHECK_THROWS_AS(parseTlv(ber, "t"), ParseError);
    Tlv t = parseTlv(ber, "SOD", TlvMode::Ber);
    CHECK(t.encoded.size() == 14);
    CHECK(toHex(t.value) == "0401AA30800201050000");
    TlvReader outer(ber, "SOD", 0, TlvMode::Ber);
    TlvReader inner = outer.children(t);
    CHECK(toHex(inner.expect(0x04).value) == "AA");
    Tlv nested = inner.expect(0x30);
    CHECK(toHex(nested.value) == "020105");
    CHECK(inner.atEnd());

    CHECK_THROWS_AS(parseTlv(fromHex("04 80 AA 00 00"), "t", TlvMode::Ber), ParseError); // primitive
    CHECK_THROWS_AS(parseTlv(fromHex("30 80 04 01 AA"), "t", TlvMode::Ber), ParseError); // no end-of-contents
}

TEST_CASE("TLV: hostile nesting depth is refused, not a stack overflow")
{
    Bytes deep;
    for (int i = 0; i < 200; ++i) append(deep, {0x30, 0x80});
    for (int i = 0; i < 200; ++i) append(deep, {0x00, 0x00});
    CHECK_THROWS_AS(parseTlv(deep, "t", TlvMode::Ber), ParseError);
}

TEST_CASE("TLV reader: a parser walking definite-length nesting through children() stops at the depth limit")
{
    Bytes deep{0x30, 0x00}; // 40 SEQUENCEs of definite length, each inside the one before
    for (int i = 1; i < 40; ++i) deep = encodeTlv(0x30, deep);
    TlvReader reader(deep, "t");
    std::function<void(TlvReader&)> walk = [&walk](TlvReader& r) {
        while (!r.atEnd()) {
            Tlv t = r.next();
            TlvReader inner = r.children(t);
            walk(inner);
        }
    };
    CHECK_THROWS_WITH(walk(reader), Catch::Contains("nesting deeper than 32"));
}

TEST_CASE("TLV reader: children, expect, nextIf, peek")
{
    Bytes data = fromHex("6D 0A 30 08 02 01 01 0C 03 414243");
    TlvReader top(data, "DG13");
    Tlv dg = top.expect(0x6D);
    CHECK(top.atEnd());
    TlvReader seq = top.children(dg);
    Tlv s = seq.expect(0x30);
    TlvReader items = seq.children(s);
    CHECK(items.peekTag() == Tag{0x02});
    CHECK_FALSE(items.nextIf(0x04).has_value());
    CHECK(items.nextIf(0x02).has_value());
    Tlv str = items.next();
    CHECK(str.tag == 0x0C);
    CHECK(str.offset == 7);
    CHECK(str.valueOffset == 9);
    CHECK_FALSE(items.peekTag().has_value());
    CHECK_THROWS_AS(items.next(), ParseError);
    TlvReader again(data, "DG13");
    CHECK_THROWS_AS(again.expect(0x61), ParseError);
}

TEST_CASE("TLV: trailing bytes after one TLV are ignored by parseTlv")
{
    Tlv t = parseTlv(fromHex("31 03 020101 DEADBEEF"), "EF.CardAccess");
    CHECK(t.encoded.size() == 5);
}

TEST_CASE("TLV: total size from the first bytes of a file")
{
    CHECK(tlvTotalSize(fromHex("61 5B 5F1F"), "DG1") == std::optional<std::size_t>(2 + 0x5B));
    CHECK(tlvTotalSize(fromHex("75 82 12 34"), "DG2") == std::optional<std::size_t>(4 + 0x1234));
    CHECK(tlvTotalSize(fromHex("7F61 81 80"), "x") == std::optional<std::size_t>(4 + 0x80));
    CHECK_FALSE(tlvTotalSize(fromHex("75 82 12"), "DG2").has_value());
    CHECK_FALSE(tlvTotalSize(fromHex("7F"), "x").has_value());
    CHECK_FALSE(tlvTotalSize(Bytes{}, "x").has_value());
    CHECK_THROWS_AS(tlvTotalSize(fromHex("75 80"), "DG2"), ParseError);
    CHECK_THROWS_AS(tlvTotalSize(fromHex("75 89 00"), "DG2"), ParseError);
}

TEST_CASE("TLV: encoding tags and lengths")
{
    CHECK(toHex(encodeTag(0x5F1F)) == "5F1F");
    CHECK(toHex(encodeTag(0x00)) == "00");
    CHECK(toHex(encodeLength(0x7F)) == "7F");
    CHECK(toHex(encodeLength(0x80)) == "8180");
    CHECK(toHex(encodeLength(0xFF)) == "81FF");
    CHECK(toHex(encodeLength(0x100)) == "820100");
    CHECK(toHex(encodeLength(0x10000)) == "83010000");
    Bytes roundTrip = encodeTlv(0x7F49, fromHex("0601FF"));
    CHECK(toHex(roundTrip) == "7F49030601FF");
}
