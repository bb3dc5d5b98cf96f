// A file read over secure messaging (the face photo, the holder's text) leaves no piece of it in freed memory: every
// decrypted block is wiped, and the file is built in one buffer that never grows (freed_memory.hpp). The chip's own
// work is not inspected: it is the test's, not the SDK's.
#include "freed_memory.hpp"

#include "core/tlv.hpp"
#include "icao/file_reader.hpp"
#include "icao/secure_channel.hpp"

#include <catch2/catch.hpp>

#include <random>

using namespace cccd;
using namespace cccd::icao;

namespace {
constexpr std::size_t pieceSpacing = 160, pieceSize = 16; // any 176 bytes of the file hold a watched piece

SecureMessaging sessionKeys()
{
    return SecureMessaging(SmKeys(crypto::Cipher::Aes128, SecureBytes(16, 0x4B), SecureBytes(16, 0x4D), Bytes(16, 0x00)));
}

// Recognizable bytes: no 16 of them repeat elsewhere in the file.
Bytes photoLikeFile(std::size_t valueSize)
{
    std::mt19937 engine(2024);
    Bytes value(valueSize);
    for (std::uint8_t& b : value) b = static_cast<std::uint8_t>(engine());
    return encodeTlv(0x75, value);
}

// A chip holding one file: it answers READ BINARY (by SFI, B0 offset, B1 with DO'54') under secure messaging, with
// extra bytes past Le when it is faulty. Its work is done with the inspection paused.
class FileChip : public ApduChannel {
public:
    FileChip(const Bytes& file, std::size_t extra = 0) : file_(file), extra_(extra) {}

    ResponseApdu transmit(const CommandApdu& wire) override
    {
        test::freed::Pause chipAtWork;
        CommandApdu plain = sm_.unprotectCommand(wire);
        return sm_.protectResponse(answerTo(plain), plain.ins());
    }
    ChannelLimits limits() const override { return {}; } // short APDUs: many blocks

private:
    ResponseApdu answerTo(const CommandApdu& c) const
    {
        if (c.ins() == 0xB1) {
            Tlv offsetDo = parseTlv(c.data(), "DO'54'");
            std::size_t offset = 0;
            for (std::uint8_t b : offsetDo.value) offset = offset << 8 | b;
            return ResponseApdu(encodeTlv(0x53, piece(offset, c.ne() - 4)), sw::OK);
        }
        std::size_t offset = (c.p1() & 0x80) != 0 ? c.p2() : std::size_t(c.p1()) << 8 | c.p2();
        return ResponseApdu(piece(offset, c.ne() + extra_), sw::OK);
    }
    Bytes piece(std::size_t offset, std::size_t count) const
    {
        return ByteView(file_).sub(offset, std::min(count, file_.size() - offset)).toBytes();
    }

    const Bytes& file_;
    std::size_t extra_;
    SecureMessaging sm_ = sessionKeys();
};

void watchPiecesOf(const Bytes& file)
{
    test::freed::reset();
    for (std::size_t at = 0; at + pieceSize <= file.size(); at += pieceSpacing) {
        test::freed::watch("the file's bytes at " + std::to_string(at), ByteView(file).sub(at, pieceSize));
    }
}
} // namespace

TEST_CASE("a file read over secure messaging, block by block past 32 KiB, leaves none of it in freed memory")
{
    const Bytes file = photoLikeFile(33000); // B0 blocks, then B1 past offset 32767
    watchPiecesOf(file);
    FileChip chip(file);
    SecureChannel channel(chip, sessionKeys());
    FileReader reader(channel, ReadPolicy{false, 65536, maxShortBlockUnderSm});
    {
        test::freed::start();
        FileResult read = reader.read(ElementaryFile{0x0102, 0x02, "DG2"});
        test::freed::stop();
        CHECK(read.content == file); // released with the inspection stopped: wiping the result is the caller's part
        CHECK(reader.commandCount() >= file.size() / maxShortBlockUnderSm); // block by block
    }
    test::freed::checkNothingFound();
}

TEST_CASE("an answer longer than asked for, refused under secure messaging, leaves none of the file in freed memory")
{
    const Bytes file = photoLikeFile(4000);
    watchPiecesOf(file);
    FileChip chip(file, 32);
    SecureChannel channel(chip, sessionKeys());
    FileReader reader(channel, ReadPolicy{false, 65536, maxShortBlockUnderSm});
    test::freed::start();
    CHECK_THROWS_WITH(reader.read(ElementaryFile{0x0102, 0x02, "DG2"}), Catch::Contains("where at most 223 were asked for"));
    test::freed::stop();
    test::freed::checkNothingFound();
}
