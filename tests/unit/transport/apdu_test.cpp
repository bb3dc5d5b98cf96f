#include "cccd/error.hpp"
#include "transport/apdu.hpp"

#include <catch2/catch.hpp>

using namespace cccd;

namespace {
std::string head(const Bytes& b, std::size_t n) { return toHex(ByteView(b).sub(0, std::min(n, b.size()))); }
std::string tail(const Bytes& b, std::size_t n) { return toHex(ByteView(b).sub(b.size() - n)); }
void checkRoundTrip(const CommandApdu& c)
{
    CommandApdu back = CommandApdu::parse(c.encode());
    CHECK(back.cla() == c.cla());
    CHECK(back.ins() == c.ins());
    CHECK(back.p1() == c.p1());
    CHECK(back.p2() == c.p2());
    CHECK(back.data() == c.data());
    CHECK(back.ne() == c.ne());
    CHECK(back.encode() == c.encode());
}
} // namespace

TEST_CASE("APDU case 1: header only")
{
    CommandApdu c(0x00, 0xA4, 0x00, 0x0C);
    CHECK(toHex(c.encode()) == "00A4000C");
    CHECK_FALSE(c.hasLe());
    checkRoundTrip(c);
}

TEST_CASE("APDU case 2 short and extended, Le boundaries")
{
    CHECK(toHex(CommandApdu(0x00, 0x84, 0x00, 0x00, std::size_t{8}).encode()) == "0084000008");
    CHECK(toHex(CommandApdu(0x00, 0xB0, 0x00, 0x00, std::size_t{255}).encode()) == "00B00000FF");
    CHECK(toHex(CommandApdu(0x00, 0xB0, 0x00, 0x00, std::size_t{256}).encode()) == "00B0000000");
    CHECK(toHex(CommandApdu(0x00, 0xB0, 0x00, 0x00, std::size_t{257}).encode()) == "00B00000000101");
    CHECK(toHex(CommandApdu(0x00, 0xB0, 0x00, 0x00, std::size_t{65535}).encode()) == "00B0000000FFFF");
    CHECK(toHex(CommandApdu(0x00, 0xB0, 0x00, 0x00, std::size_t{65536}).encode()) == "00B00000000000");
    CHECK_THROWS_AS(CommandApdu(0x00, 0xB0, 0x00, 0x00, std::size_t{65537}), Error);
    for (std::size_t ne : {1u, 255u, 256u, 257u, 65535u, 65536u}) checkRoundTrip(CommandApdu(0, 0xB0, 0, 0, ne));
}

TEST_CASE("APDU case 3 short and extended, Lc boundaries")
{
    CommandApdu select(0x00, 0xA4, 0x04, 0x0C, fromHex("A0000002471001"));
    CHECK(toHex(select.encode()) == "00A4040C07A0000002471001");
    CHECK_FALSE(select.hasLe()); // SELECT and MSE must go without Le

    Bytes d255(255, 0xAB), d256(256, 0xAB), d65535(65535, 0xAB);
    Bytes e255 = CommandApdu(0, 0xD6, 0, 0, d255).encode();
    CHECK(e255.size() == 4 + 1 + 255);
    CHECK(head(e255, 5) == "00D60000FF");
    Bytes e256 = CommandApdu(0, 0xD6, 0, 0, d256).encode();
    CHECK(e256.size() == 4 + 3 + 256);
    CHECK(head(e256, 7) == "00D60000000100");
    Bytes e65535 = CommandApdu(0, 0xD6, 0, 0, d65535).encode();
    CHECK(head(e65535, 7) == "00D6000000FFFF");
    CHECK_THROWS_AS(CommandApdu(0, 0xD6, 0, 0, Bytes(65536, 0)), Error);
    for (const Bytes* d : {&d255, &d256, &d65535}) checkRoundTrip(CommandApdu(0, 0xD6, 0, 0, *d));
}

TEST_CASE("APDU case 4 short and extended")
{
    CommandApdu ga(0x10, 0x86, 0x00, 0x00, fromHex("7C00"), 256);
    CHECK(toHex(ga.encode()) == "10860000027C0000");
    CHECK_FALSE(ga.isExtended());

    // Ne 257 with short data forces extended fields for both Lc and Le.
    CommandApdu ext(0x00, 0x88, 0x00, 0x00, fromHex("01020304"), 257);
    CHECK(toHex(ext.encode()) == "00880000000004010203040101");
    Bytes d256(256, 0x11);
    Bytes e = CommandApdu(0x00, 0x88, 0x00, 0x00, d256, 65536).encode();
    CHECK(head(e, 7) == "00880000000100");
    CHECK(tail(e, 2) == "0000");
    for (std::size_t ne : {1u, 256u, 257u, 65536u}) {
        checkRoundTrip(CommandApdu(0, 0x88, 0, 0, fromHex("AA"), ne));
        checkRoundTrip(CommandApdu(0, 0x88, 0, 0, d256, ne));
    }
}

TEST_CASE("APDU parse rejects inconsistent encodings")
{
    CHECK_THROWS_AS(CommandApdu::parse(fromHex("00A400")), ParseError);
    CHECK_THROWS_AS(CommandApdu::parse(fromHex("00A4000C05AABB")), ParseError);   // Lc 5, 2 bytes follow
    CHECK_THROWS_AS(CommandApdu::parse(fromHex("00B0000000 01")), ParseError);     // cut-off extended Le
    CHECK_THROWS_AS(CommandApdu::parse(fromHex("00D60000 000000 AA")), ParseError); // extended Lc of zero
    CHECK_THROWS_AS(CommandApdu::parse(fromHex("00D60000 000005 AABB")), ParseError);
    CHECK(CommandApdu::parse(fromHex("00B0000000")).ne() == 256);
    CHECK(CommandApdu::parse(fromHex("00B00000000000")).ne() == 65536);
}

TEST_CASE("response APDUs and status words")
{
    ResponseApdu r = ResponseApdu::parse(fromHex("AABB9000"));
    CHECK(toHex(r.data()) == "AABB");
    CHECK(r.isSuccess());
    CHECK(toHex(r.encode()) == "AABB9000");
    CHECK(ResponseApdu::parse(fromHex("6A82")).sw() == sw::FILE_NOT_FOUND);
    CHECK_THROWS_AS(ResponseApdu::parse(fromHex("90")), ParseError);

    CHECK(StatusWord(0x6110).hasMoreData());
    CHECK(StatusWord(0x6C20).isWrongLe());
    CHECK_FALSE(StatusWord(0x6F00) == sw::WRONG_LENGTH); // whole-value compare, no masks
    CHECK(StatusWord(0x6982).describe() == "6982 (security status not satisfied)");
    CHECK(StatusWord(0x63C2).describe() == "63C2 (verification failed, 2 tries left)");
    CHECK(StatusWord(0x6A82).describe() == "6A82 (file not found)");
}

TEST_CASE("APDU wipe clears the data field")
{
    CommandApdu c(0x00, 0x22, 0xC1, 0xA4, fromHex("800A04007F00070202040202830102"));
    c.wipe();
    CHECK(c.data().empty());
}
