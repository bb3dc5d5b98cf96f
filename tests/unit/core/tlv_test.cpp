#include "cccd/error.hpp"
#include "core/tlv.hpp"

#include <catch2/catch.hpp>

using namespace cccd;

TEST_CASE("TLV: single-byte tag, short length")
{
    Bytes data = fromHex("04 03 AA BB CC");
    Tlv t = parseTlv(data, "test");
    CHECK(t.tag == 0x04);
    CHECK(toHex(t.value) == "AABBCC");
    CHECK(t.encoded.size() == 5);
    CHECK_FALSE(t.constructed());
}
