#include "transport/apdu.hpp"

#include "cccd/error.hpp"
#include "core/secure.hpp"

#include <cstdio>

namespace cccd {

std::string StatusWord::describe() const
{
    const char* text = nullptr;
    switch (value_) {
    case 0x9000: text = "success"; break;
    case 0x6282: text = "end of file reached before Le bytes"; break;
    case 0x6700: text = "wrong length"; break;
    case 0x6982: text = "security status not satisfied"; break;
    case 0x6983: text = "authentication method blocked"; break;
    case 0x6985: text = "conditions of use not satisfied"; break;
    case 0x6986: text = "command not allowed"; break;
    case 0x6987: text = "expected secure messaging data objects missing"; break;
    case 0x6988: text = "incorrect secure messaging data objects"; break;
    case 0x6A80: text = "incorrect data"; break;
    case 0x6A81: text = "function not supported"; break;
    case 0x6A82: text = "file not found"; break;
    case 0x6A86: text = "incorrect P1-P2"; break;
    case 0x6A88: text = "referenced data not found"; break;
    case 0x6B00: text = "wrong P1-P2 (offset outside the file)"; break;
    case 0x6D00: text = "instruction not supported"; break;
    case 0x6E00: text = "class not supported"; break;
    case 0x6F00: text = "no precise diagnosis"; break;
    default: break;
    }
    char hex[8];
    std::snprintf(hex, sizeof hex, "%04X", value_);
    if (text) return std::string(hex) + " (" + text + ")";
    if (sw1() == 0x63 && (sw2() & 0xF0) == 0xC0) return std::string(hex) + " (verification failed, " + std::to_string(sw2() & 0x0F) + " tries left)";
    if (hasMoreData()) return std::string(hex) + " (more data available)";
    if (isWrongLe()) return std::string(hex) + " (wrong Le, use " + std::to_string(sw2()) + ")";
    return hex;
}

namespace {
void checkSizes(std::size_t nc, std::size_t ne)
{
    if (nc > maxExtendedNc) throw Error(ErrorKind::InvalidArgument, "APDU data longer than 65535 bytes");
    if (ne > maxExtendedNe) throw Error(ErrorKind::InvalidArgument, "APDU Ne larger than 65536");
}
} // namespace

CommandApdu::CommandApdu(std::uint8_t cla, std::uint8_t ins, std::uint8_t p1, std::uint8_t p2)
    : CommandApdu(cla, ins, p1, p2, Bytes{}, 0)
{
}

CommandApdu::CommandApdu(std::uint8_t cla, std::uint8_t ins, std::uint8_t p1, std::uint8_t p2, Bytes data)
    : CommandApdu(cla, ins, p1, p2, std::move(data), 0)
{
}

CommandApdu::CommandApdu(std::uint8_t cla, std::uint8_t ins, std::uint8_t p1, std::uint8_t p2, std::size_t ne)
    : CommandApdu(cla, ins, p1, p2, Bytes{}, ne)
{
}

CommandApdu::CommandApdu(std::uint8_t cla, std::uint8_t ins, std::uint8_t p1, std::uint8_t p2, Bytes data,
                         std::size_t ne)
    : cla_(cla), ins_(ins), p1_(p1), p2_(p2), data_(std::move(data)), ne_(ne)
{
    checkSizes(data_.size(), ne_);
}

Bytes CommandApdu::encode() const
{
    Bytes out{cla_, ins_, p1_, p2_};
    const bool extended = isExtended();
    if (!data_.empty()) {
        if (extended) {
            append(out, {0x00, static_cast<std::uint8_t>(data_.size() >> 8), static_cast<std::uint8_t>(data_.size())});
        } else {
            out.push_back(static_cast<std::uint8_t>(data_.size()));
        }
        append(out, data_);
    }
    if (ne_ != 0) {
        if (extended) {
            if (data_.empty()) out.push_back(0x00); // case 2E: the 00 marker precedes a 2-byte Le
            std::size_t le = ne_ == maxExtendedNe ? 0 : ne_;
            append(out, {static_cast<std::uint8_t>(le >> 8), static_cast<std::uint8_t>(le)});
        } else {
            out.push_back(static_cast<std::uint8_t>(ne_ == maxShortNe ? 0 : ne_));
        }
    }
    return out;
}

CommandApdu CommandApdu::parse(ByteView a)
{
    const std::string ctx = "command APDU";
    if (a.size() < 4) throw ParseError(ctx, a.size(), "shorter than the 4-byte header");
    std::uint8_t cla = a[0], ins = a[1], p1 = a[2], p2 = a[3];
    const std::size_t bodySize = a.size() - 4;
    ByteView body = a.sub(4);
    if (bodySize == 0) return CommandApdu(cla, ins, p1, p2); // case 1
    if (bodySize == 1) return CommandApdu(cla, ins, p1, p2, std::size_t(body[0] == 0 ? 256 : body[0])); // 2S
    if (body[0] != 0) {
        // Short Lc: case 3S (Lc + data) or 4S (Lc + data + Le).
        std::size_t nc = body[0];
        if (bodySize == 1 + nc) return CommandApdu(cla, ins, p1, p2, body.sub(1, nc).toBytes());
        if (bodySize == 2 + nc) {
            std::size_t le = body[1 + nc];
            return CommandApdu(cla, ins, p1, p2, body.sub(1, nc).toBytes(), le == 0 ? 256 : le);
        }
        throw ParseError(ctx, 4, "Lc " + std::to_string(nc) + " does not match the " + std::to_string(bodySize) + "-byte body");
    }
    // Body starts with 00 and is longer than 1 byte: extended length.
    if (bodySize == 3) { // case 2E
        std::size_t le = (std::size_t(body[1]) << 8) | body[2];
        return CommandApdu(cla, ins, p1, p2, le == 0 ? maxExtendedNe : le);
    }
    if (bodySize < 3) throw ParseError(ctx, 4, "truncated extended length field");
    std::size_t nc = (std::size_t(body[1]) << 8) | body[2];
    if (nc == 0) throw ParseError(ctx, 5, "extended Lc of zero");
    if (bodySize == 3 + nc) return CommandApdu(cla, ins, p1, p2, body.sub(3, nc).toBytes()); // 3E
    if (bodySize == 5 + nc) {                                                                 // 4E
        std::size_t le = (std::size_t(body[3 + nc]) << 8) | body[4 + nc];
        return CommandApdu(cla, ins, p1, p2, body.sub(3, nc).toBytes(), le == 0 ? maxExtendedNe : le);
    }
    throw ParseError(ctx, 4, "extended Lc " + std::to_string(nc) + " does not match the " + std::to_string(bodySize) + "-byte body");
}

CommandApdu CommandApdu::withNe(std::size_t ne) const { return CommandApdu(cla_, ins_, p1_, p2_, data_, ne); }

CommandApdu CommandApdu::withCla(std::uint8_t cla) const { return CommandApdu(cla, ins_, p1_, p2_, data_, ne_); }

void CommandApdu::wipe() noexcept { cccd::wipe(data_); }

ResponseApdu ResponseApdu::parse(ByteView raw)
{
    if (raw.size() < 2) throw ParseError("response APDU", raw.size(), "shorter than a status word");
    std::size_t n = raw.size() - 2;
    return ResponseApdu(raw.sub(0, n).toBytes(), StatusWord(static_cast<std::uint16_t>(raw[n] << 8 | raw[n + 1])));
}

Bytes ResponseApdu::encode() const
{
    Bytes out = data_;
    append(out, {sw_.sw1(), sw_.sw2()});
    return out;
}

} // namespace cccd
