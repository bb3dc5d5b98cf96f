#include "cccd/error.hpp"
#include "core/tlv.hpp"
#include "icao/file_reader.hpp"
#include "transport/scripted_channel.hpp"

#include <catch2/catch.hpp>

using namespace cccd;
using namespace cccd::icao;

namespace {
const ElementaryFile dg2{0x0102, 0x02, "DG2"};
const ElementaryFile dg1{0x0101, 0x01, "DG1"};

Bytes fileOf(std::size_t valueSize)
{
    Bytes value(valueSize);
    for (std::size_t i = 0; i < valueSize; ++i) value[i] = static_cast<std::uint8_t>(i * 7);
    return encodeTlv(0x75, value);
}

Bytes slice(const Bytes& b, std::size_t offset, std::size_t n)
{
    return ByteView(b).sub(offset, std::min(n, b.size() - offset)).toBytes();
}

Bytes ok(Bytes data)
{
    append(data, {0x90, 0x00});
    return data;
}

Bytes cmd(std::uint8_t p1, std::uint8_t p2, std::size_t ne) { return CommandApdu(0x00, 0xB0, p1, p2, ne).encode(); }
} // namespace

TEST_CASE("extended length: a file up to the block size in one read by SFI")
{
    Bytes file = fileOf(15000); // header 75 82 3A 98
    ScriptedChannel card({{cmd(0x82, 0, 65536), ok(file), "the whole file by SFI"}}, ChannelLimits{true, 65544, 65538});
    FileReader reader(card);
    FileResult r = reader.read(dg2);
    CHECK(r.status == FileStatus::Read);
    CHECK(r.content == file);
    CHECK(reader.commandCount() == 1);
    CHECK_FALSE(reader.extendedLengthRefused());
    card.requireFinished();
}

TEST_CASE("with progress watched: 1 KiB first, so the total is known, then the rest in one exact read")
{
    Bytes file = fileOf(15000);
    ScriptedChannel card({{cmd(0x82, 0, 1024), ok(slice(file, 0, 1024)), "first block by SFI"},
                          {cmd(0x04, 0x00, file.size() - 1024), ok(slice(file, 1024, 65536)), "rest, exact Ne"}},
                         ChannelLimits{true, 65544, 65538});
    FileReader reader(card);
    std::vector<std::pair<std::size_t, std::size_t>> progress;
    FileResult r = reader.read(dg2, [&](const ElementaryFile&, std::size_t done, std::size_t total) {
        progress.emplace_back(done, total);
    });
    CHECK(r.content == file);
    REQUIRE(progress.size() == 2);
    CHECK(progress[0] == std::make_pair<std::size_t, std::size_t>(1024, file.size()));
    CHECK(progress[1] == std::make_pair(file.size(), file.size()));
    card.requireFinished();
}

TEST_CASE("extended length: a file larger than one answer continues with B1 at its exact length")
{
    Bytes file = fileOf(70000); // 70004 bytes
    Bytes b1 = CommandApdu(0x00, 0xB1, 0x00, 0x00, fromHex("5403010000"), (file.size() - 65536) + 4).encode();
    ScriptedChannel card({{cmd(0x82, 0, 65536), ok(slice(file, 0, 65536)), {}},
                          {b1, ok(encodeTlv(0x53, slice(file, 65536, 65536))), "odd INS for the rest"}},
                         ChannelLimits{true, 65544, 65538});
    FileReader reader(card);
    CHECK(reader.read(dg2).content == file);
    card.requireFinished();
}

TEST_CASE("a small file is read in one exchange and padding after the TLV is dropped")
{
    Bytes file = encodeTlv(0x61, Bytes(91, 0x3C));
    Bytes padded = file;
    append(padded, {0xFF, 0xFF});
    ScriptedChannel card({{cmd(0x81, 0, 256), ok(padded), {}}});
    FileReader reader(card);
    CHECK(reader.read(dg1).content == file);
}

TEST_CASE("short length only: 256-byte blocks with offsets")
{
    Bytes file = fileOf(600); // 604 bytes
    ScriptedChannel card({{cmd(0x82, 0, 256), ok(slice(file, 0, 256)), {}},
                          {cmd(0x01, 0x00, 256), ok(slice(file, 256, 256)), {}},
                          {cmd(0x02, 0x00, 92), ok(slice(file, 512, 92)), {}}});
    FileReader reader(card);
    CHECK(reader.read(dg2).content == file);
    card.requireFinished();
}

TEST_CASE("6700 to a large Le steps down and the size is kept for the session")
{
    Bytes file = fileOf(500); // 504 bytes
    ScriptedChannel card({{cmd(0x82, 0, 256), fromHex("6700"), "256 refused"},
                          {cmd(0x82, 0, 224), ok(slice(file, 0, 224)), "224 works"},
                          {cmd(0x00, 224, 224), ok(slice(file, 224, 224)), {}},
                          {cmd(0x01, 0xC0, 56), ok(slice(file, 448, 56)), {}},
                          {cmd(0x81, 0, 224), ok(encodeTlv(0x61, Bytes(10, 1))), "next file starts at 224"}});
    FileReader reader(card);
    CHECK(reader.read(dg2).content == file);
    CHECK(reader.blockSize() == 224);
    CHECK(reader.read(dg1).status == FileStatus::Read);
    card.requireFinished();
}

TEST_CASE("extended Le refused mid-file with 6282 or 6B00 falls back to short blocks")
{
    for (const char* sw : {"6282", "6B00", "6700"}) {
        Bytes file = fileOf(2000); // 2004 bytes
        ScriptedChannel card({{cmd(0x82, 0, 65536), ok(slice(file, 0, 256)), "the chip returns less"},
                              {cmd(0x01, 0x00, 1748), fromHex(sw), "large Le refused"},
                              {cmd(0x01, 0x00, 256), ok(slice(file, 256, 256)), {}},
                              {cmd(0x02, 0x00, 256), ok(slice(file, 512, 256)), {}},
                              {cmd(0x03, 0x00, 256), ok(slice(file, 768, 256)), {}},
                              {cmd(0x04, 0x00, 256), ok(slice(file, 1024, 256)), {}},
                              {cmd(0x05, 0x00, 256), ok(slice(file, 1280, 256)), {}},
                              {cmd(0x06, 0x00, 256), ok(slice(file, 1536, 256)), {}},
                              {cmd(0x07, 0x00, 212), ok(slice(file, 1792, 212)), {}}},
                             ChannelLimits{true, 65544, 65538});
        FileReader reader(card);
        CHECK(reader.read(dg2).content == file);
        CHECK(reader.extendedLengthRefused());
        card.requireFinished();
    }
}

TEST_CASE("a card that returns fewer bytes than asked is read to the end")
{
    Bytes file = fileOf(300); // 304 bytes
    ScriptedChannel card({{cmd(0x82, 0, 65536), ok(slice(file, 0, 100)), {}},
                          {cmd(0x00, 100, 204), ok(slice(file, 100, 150)), {}},
                          {cmd(0x00, 250, 54), ok(slice(file, 250, 54)), {}}},
                         ChannelLimits{true, 65544, 65538});
    FileReader reader(card);
    CHECK(reader.read(dg2).content == file);
}

TEST_CASE("offsets above 32767 use READ BINARY B1 with DO'54'")
{
    Bytes file = fileOf(40000); // 40004 bytes
    ReadPolicy policy;
    policy.maxBlock = 32768;
    Bytes b1 = CommandApdu(0x00, 0xB1, 0x00, 0x00, fromHex("54028100"), (file.size() - 33024) + 4).encode();
    ScriptedChannel card({{cmd(0x82, 0, 32768), ok(slice(file, 0, 256)), {}},
                          {cmd(0x01, 0x00, 32768), ok(slice(file, 256, 32768)), {}},
                          {b1, ok(encodeTlv(0x53, slice(file, 33024, 65536))), "odd INS"}},
                         ChannelLimits{true, 65544, 65538});
    FileReader reader(card, policy);
    CHECK(reader.read(dg2).content == file);
    card.requireFinished();
}

TEST_CASE("under secure messaging short blocks start at 223, and B1 blocks count DO'53' in that size (no step down)")
{
    Bytes file = fileOf(33000); // 33004 bytes: B0 up to offset 32767, then B1
    ReadPolicy policy;
    policy.maxShortBlock = maxShortBlockUnderSm;
    std::vector<ScriptedChannel::Step> script{{cmd(0x82, 0, 223), ok(slice(file, 0, 223)), "223 at once"}};
    std::size_t offset = 223;
    for (; offset <= 0x7FFF; offset += 223) {
        std::size_t n = std::min<std::size_t>(223, file.size() - offset);
        script.push_back({cmd(static_cast<std::uint8_t>(offset >> 8), static_cast<std::uint8_t>(offset), n), ok(slice(file, offset, n)), {}});
    }
    while (offset < file.size()) {
        std::size_t ne = std::min<std::size_t>(223, file.size() - offset + 4), n = std::min(ne - 4, file.size() - offset);
        Bytes b1 = CommandApdu(0x00, 0xB1, 0x00, 0x00, encodeTlv(0x54, bigEndian(offset, 2)), ne).encode();
        script.push_back({b1, ok(encodeTlv(0x53, slice(file, offset, n))), "B1 within 223"});
        offset += n;
    }
    ScriptedChannel card(script);
    FileReader reader(card, policy);
    CHECK(reader.read(dg2).content == file);
    CHECK(reader.blockSize() == 223);
    card.requireFinished();
}

TEST_CASE("absent and protected files are answers, not errors")
{
    ScriptedChannel card = ScriptedChannel::fromHex({{"00B0830000", "6982"}, {"00B08B0000", "6A82"}});
    FileReader reader(card);
    CHECK(reader.read({0x0103, 0x03, "DG3"}).status == FileStatus::AccessDenied);
    CHECK(reader.read({0x010B, 0x0B, "DG11"}).status == FileStatus::NotFound);
}

TEST_CASE("files without an SFI are selected by FID once")
{
    Bytes file = encodeTlv(0x77, Bytes(20, 2));
    ScriptedChannel card({{fromHex("00A4020C02011D"), fromHex("9000"), "SELECT EF.SOD"},
                          {cmd(0x00, 0x00, 256), ok(file), {}}});
    FileReader reader(card);
    CHECK(reader.read({0x011D, 0, "EF.SOD"}).content == file);
}

TEST_CASE("hostile answers: huge claimed length, empty blocks, broken header")
{
    ReadPolicy small;
    small.largestFile = 1000;
    ScriptedChannel huge = ScriptedChannel::fromHex({{"00B0820000", "7584FFFFFFFF00009000"}});
    CHECK_THROWS_AS(FileReader(huge, small).read(dg2), ParseError);

    ScriptedChannel empty = ScriptedChannel::fromHex({{"00B0820000", "7582010000009000"}, {"00B00006FE", "9000"}});
    CHECK_THROWS_AS(FileReader(empty).read(dg2), ParseError);

    ScriptedChannel cut = ScriptedChannel::fromHex({{"00B0820000", "75829000"}});
    CHECK_THROWS_AS(FileReader(cut).read(dg2), ParseError);

    ScriptedChannel stuck = ScriptedChannel::fromHex(
        {{"00B0820000", "6700"}, {"00B08200E0", "6700"}, {"00B08200DF", "6700"}, {"00B08200A0", "6700"}, {"00B0820040", "6700"}});
    CHECK_THROWS_AS(FileReader(stuck).read(dg2), CardStatusError);
}
