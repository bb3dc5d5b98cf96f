#include "cccd/error.hpp"
#include "transport/chaining_channel.hpp"
#include "transport/scripted_channel.hpp"

#include <catch2/catch.hpp>

using namespace cccd;

TEST_CASE("61xx is followed by GET RESPONSE until complete")
{
    ScriptedChannel card = ScriptedChannel::fromHex({
        {"0084000008", "AABB6104"},
        {"00C0000004", "CCDD EEFF 6102"},
        {"00C0000002", "1122 9000"},
    });
    ChainingChannel channel(card);
    ResponseApdu r = channel.transmit(CommandApdu(0x00, 0x84, 0x00, 0x00, std::size_t{8}));
    CHECK(toHex(r.data()) == "AABBCCDDEEFF1122");
    CHECK(r.isSuccess());
    card.requireFinished();
}

TEST_CASE("61 00 asks for 256 bytes, logical channel bits are kept, SM bits dropped")
{
    ScriptedChannel card = ScriptedChannel::fromHex({
        {"0DB0000000", "6100"},
        {"01C0000000", "AA9000"},
    });
    ChainingChannel channel(card);
    ResponseApdu r = channel.transmit(CommandApdu(0x0D, 0xB0, 0x00, 0x00, std::size_t{256}));
    CHECK(toHex(r.data()) == "AA");
    card.requireFinished();
}

TEST_CASE("6Cxx resends the command with the Le the card asked for")
{
    ScriptedChannel card = ScriptedChannel::fromHex({
        {"00B0000000", "6C12"},
        {"00B0000012", "0102030405060708090A0B0C0D0E0F101112 9000"},
    });
    ChainingChannel channel(card);
    ResponseApdu r = channel.transmit(CommandApdu(0x00, 0xB0, 0x00, 0x00, std::size_t{256}));
    CHECK(r.data().size() == 0x12);
    card.requireFinished();
}

TEST_CASE("6Cxx then 61xx combine")
{
    ScriptedChannel card = ScriptedChannel::fromHex({
        {"00CA010000", "6C02"},
        {"00CA010002", "AABB6101"},
        {"00C0000001", "CC9000"},
    });
    ChainingChannel channel(card);
    CHECK(toHex(channel.transmit(CommandApdu(0x00, 0xCA, 0x01, 0x00, std::size_t{256})).data()) == "AABBCC");
}

TEST_CASE("a card that answers 6Cxx again to the retry, naming another Le each time, is refused after one retry")
{
    ScriptedChannel card = ScriptedChannel::fromHex({
        {"00B0000000", "6C10"},
        {"00B0000010", "6C20"},
    });
    ChainingChannel channel(card);
    CHECK_THROWS_WITH(channel.transmit(CommandApdu(0x00, 0xB0, 0x00, 0x00, std::size_t{256})), Catch::Contains("again after the one retry"));
    card.requireFinished();
}

TEST_CASE("errors pass through untouched")
{
    ScriptedChannel card = ScriptedChannel::fromHex({{"00B0000000", "6982"}});
    ChainingChannel channel(card);
    CHECK(channel.transmit(CommandApdu(0x00, 0xB0, 0x00, 0x00, std::size_t{256})).sw() == sw::SECURITY_STATUS_NOT_SATISFIED);
}

TEST_CASE("an endless 61xx chain from a hostile card is cut off")
{
    std::vector<ScriptedChannel::Step> steps{{fromHex("0084000008"), fromHex("AA6101"), {}}};
    for (int i = 0; i < 600; ++i) steps.push_back({fromHex("00C0000001"), fromHex("AA6101"), {}});
    ScriptedChannel card(steps);
    ChainingChannel channel(card);
    CHECK_THROWS_AS(channel.transmit(CommandApdu(0x00, 0x84, 0x00, 0x00, std::size_t{8})), CardStatusError);
}

TEST_CASE("the scripted channel fails loudly on a mismatch and on leftovers")
{
    ScriptedChannel card = ScriptedChannel::fromHex({{"00A4000C", "9000"}, {"00B0000001", "AA9000"}});
    CHECK_THROWS_WITH(card.transmit(CommandApdu(0x00, 0xA4, 0x00, 0x00)),
                      Catch::Contains("step 1") && Catch::Contains("00A4000C") && Catch::Contains("00A40000"));
    ScriptedChannel card2 = ScriptedChannel::fromHex({{"00A4000C", "9000"}, {"00B0000001", "AA9000"}});
    card2.transmit(CommandApdu(0x00, 0xA4, 0x00, 0x0C));
    CHECK_THROWS_AS(card2.requireFinished(), Error);
    card2.transmit(CommandApdu(0x00, 0xB0, 0x00, 0x00, std::size_t{1}));
    CHECK_NOTHROW(card2.requireFinished());
    CHECK_THROWS_AS(card2.transmit(CommandApdu(0x00, 0xB0, 0x00, 0x00, std::size_t{1})), Error);
}

TEST_CASE("a card answering more than Le is refused, and so is a chain adding up to more than the command asked for")
{
    ScriptedChannel longer = ScriptedChannel::fromHex({{"00B0000004", "AABBCCDDEE9000"}});
    ChainingChannel one(longer);
    CHECK_THROWS_WITH(one.transmit(CommandApdu(0x00, 0xB0, 0x00, 0x00, std::size_t{4})), Catch::Contains("5 bytes where at most 4"));

    ScriptedChannel noLe = ScriptedChannel::fromHex({{"00A4020C020101", "AA9000"}});
    ChainingChannel two(noLe);
    CHECK_THROWS_AS(two.transmit(CommandApdu(0x00, 0xA4, 0x02, 0x0C, fromHex("0101"))), CardStatusError);

    ScriptedChannel chain = ScriptedChannel::fromHex({{"0084000008", "AABBCCDD6108"}, {"00C0000008", "0102030405060708 9000"}});
    ChainingChannel three(chain);
    CHECK_THROWS_WITH(three.transmit(CommandApdu(0x00, 0x84, 0x00, 0x00, std::size_t{8})), Catch::Contains("12 bytes where at most 8"));
}
