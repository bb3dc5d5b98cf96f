// The link model's arithmetic (ISO/IEC 14443-4 block chaining, per-APDU overhead) and the public-key
// operations the virtual chip is charged for, step by step, as a PACE-GM chip does them.
#include "cccd/error.hpp"
#include "core/tlv.hpp"
#include "icao/chip_authentication.hpp"
#include "link_model.hpp"
#include "vcard_harness.hpp"

#include <catch2/catch.hpp>

#include <vector>

using namespace cccd;
using namespace cccd::vcard;
using namespace cccd::vcard::harness;

namespace {
constexpr double bitsPerByte = 10.0;
constexpr double overheadMs = 4.0, turnaroundMs = 0.6, pkMs = 60.0;
} // namespace

TEST_CASE("I-blocks: FSC/FSD minus PCB and CRC per block, at least one")
{
    CHECK(iBlocksFor(0, 256) == 1);
    CHECK(iBlocksFor(253, 256) == 1);
    CHECK(iBlocksFor(254, 256) == 2);
    CHECK(iBlocksFor(506, 256) == 2);
    CHECK(iBlocksFor(507, 256) == 3);
    CHECK(iBlocksFor(29, 32) == 1);
    CHECK(iBlocksFor(30, 32) == 2);
    CHECK(iBlocksFor(65538, 4096) == 17); // 4093 bytes per block
}

TEST_CASE("an unchained exchange: one framed I-block each way, the reader's overhead, no acknowledgement")
{
    LinkModel link = linkModelFor("424k");
    ExchangeCost c = link.cost(20, 244, 0); // a short SM READ BINARY of 223 bytes
    CHECK(c.commandBlocks == 1);
    CHECK(c.responseBlocks == 1);
    CHECK(c.airBytes == 20 + 244 + 2 * 4);
    CHECK(c.ms == Approx(overheadMs + bitsPerByte * 272 / 424));
    CHECK(link.cost(20, 253, 0).responseBlocks == 1); // exactly one frame's worth
}

TEST_CASE("a chained response: every block framed, every block but the last acknowledged with its turnaround")
{
    LinkModel link = linkModelFor("424k");
    ExchangeCost c = link.cost(23, 254, 0); // one byte over a frame: two blocks, one R(ACK)
    CHECK(c.responseBlocks == 2);
    CHECK(c.airBytes == 23 + 254 + 3 * 4 + 1 * 4);
    CHECK(c.ms == Approx(overheadMs + bitsPerByte * c.airBytes / 424 + turnaroundMs));

    ExchangeCost face = link.cost(23, 60002, 0); // a 60 KB face in one extended APDU
    CHECK(face.responseBlocks == 238);           // 237 full blocks of 253 bytes and 41 bytes
    CHECK(face.airBytes == 23 + 60002 + 239 * 4 + 237 * 4);
    CHECK(face.ms == Approx(overheadMs + bitsPerByte * face.airBytes / 424 + 237 * turnaroundMs));
}

TEST_CASE("command chaining with a small FSC, response chaining with a large FSD")
{
    LinkModel link = linkModelFor("106k", 32, 1024);
    ExchangeCost c = link.cost(100, 2000, 0);
    CHECK(c.commandBlocks == 4);  // 29 bytes per block
    CHECK(c.responseBlocks == 2); // 1021 bytes per block
    CHECK(c.airBytes == 2100 + 6 * 4 + 4 * 4);
    CHECK(c.ms == Approx(overheadMs + bitsPerByte * c.airBytes / 106 + 4 * turnaroundMs));
}

TEST_CASE("chained or not: one extended APDU beats 223-byte short APDUs, but costs more than its bytes alone")
{
    LinkModel link = linkModelFor("424k");
    const std::size_t file = 223 * 40;
    double shortReads = 40 * link.exchangeMs(19, 244, 0);
    double extended = link.exchangeMs(23, file + 32, 0);
    double bytesAlone = bitsPerByte * file / 424;
    CHECK(extended < shortReads);
    CHECK(extended > bytesAlone + overheadMs);
    CHECK(link.cost(23, file + 32, 0).responseBlocks == 36);
}

TEST_CASE("public-key operations, the rates and the frame sizes accepted")
{
    LinkModel link = linkModelFor("848k");
    CHECK(link.exchangeMs(10, 10, 2) == Approx(overheadMs + bitsPerByte * 28 / 848 + 2 * pkMs));
    CHECK(linkModelFor("106k").exchangeMs(10, 10, 0) > linkModelFor("212k").exchangeMs(10, 10, 0));
    CHECK(linkModelFor("none").exchangeMs(100, 100000, 2) == 0.0);
    CHECK(linkModelFor("none").cost(100, 100000, 2).responseBlocks == 0);
    CHECK_THROWS_AS(linkModelFor("1M"), Error);
    CHECK_THROWS_AS(linkModelFor("424k", 255, 256), Error);
    CHECK_THROWS_AS(linkModelFor("424k", 256, 8192), Error);
    CHECK(linkModelFor("424k", 4096, 2048).fsdBytes == 2048);
}

TEST_CASE("the chip is charged per PACE-GM step (0, 2, 2, 0), one for chip and one for active authentication")
{
    CardImage card = image();
    std::string can = card.can;
    Bytes dg14 = card.files.at(0x010E), dg15 = card.files.at(0x010F);
    VirtualChip chip(std::move(card), {}, {}, crypto::systemRandom());
    std::vector<int> charged;
    chip.onExchange([&](std::size_t, std::size_t, int pk, const ExchangeCost&) { charged.push_back(pk); });
    Direct direct(chip);
    icao::SecureChannel channel(direct, paceWithCan(direct, can));
    CHECK(charged == std::vector<int>{0, 0, 2, 2, 0}); // MSE:Set AT, then the four GENERAL AUTHENTICATE steps

    charged.clear();
    REQUIRE(channel.transmit(CommandApdu(0x00, 0xA4, 0x04, 0x0C, fromHex("A0000002471001"))).isSuccess());
    lds::SecurityInfos infos = lds::parseSecurityInfos(parseTlv(dg14, "DG14").value, "DG14");
    CHECK(icao::performChipAuthentication(channel, infos, crypto::systemRandom()).status == CheckStatus::Passed);
    CHECK(icao::performActiveAuthentication(channel, parseTlv(dg15, "DG15").value, infos, crypto::systemRandom()).status ==
          CheckStatus::Passed);
    // SELECT; CA: MSE:Set AT, GENERAL AUTHENTICATE, a SELECT under the new keys; AA: INTERNAL AUTHENTICATE
    CHECK(charged == std::vector<int>{0, 0, 1, 0, 1});
}
