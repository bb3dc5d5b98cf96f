#include "baseline_files.hpp"

#include "cccd/error.hpp"
#include "core/tlv.hpp"

#include <algorithm>

namespace cccd::bench {

namespace {
constexpr std::size_t maxEvenOffset = 0x7FFF;

ResponseApdu readAt(ApduChannel& channel, std::size_t offset, std::size_t ne)
{
    if (offset <= maxEvenOffset) {
        return channel.transmit(CommandApdu(0x00, 0xB0, static_cast<std::uint8_t>(offset >> 8), static_cast<std::uint8_t>(offset), ne));
    }
    // The DO'53' around the data counts in Ne (ISO/IEC 7816-4): room for its tag and length, within the block size
    // (whose secure-messaging answer fits a short response).
    const std::size_t withHeader = std::min(ne + 4, baselineBlock);
    return channel.transmit(CommandApdu(0x00, 0xB1, 0x00, 0x00, encodeTlv(0x54, bigEndian(offset, offset > 0xFFFF ? 3 : 2)), withHeader));
}

Bytes dataOf(const ResponseApdu& r, std::size_t offset, const std::string& name)
{
    if (!r.isSuccess() && !(r.sw() == sw::END_OF_FILE_WARNING && !r.data().empty())) {
        throw CardStatusError("reading " + name, offset <= maxEvenOffset ? 0xB0 : 0xB1, r.sw().value(), ErrorKind::Communication);
    }
    if (offset <= maxEvenOffset) return r.data();
    return parseTlv(r.data(), name).value.toBytes(); // DO'53'
}
} // namespace

std::optional<Bytes> readInFixedBlocks(ApduChannel& channel, std::uint16_t fid, const std::string& name)
{
    ResponseApdu selected = channel.transmit(CommandApdu(0x00, 0xA4, 0x02, 0x0C, bigEndian(fid, 2)));
    if (selected.sw() == sw::FILE_NOT_FOUND || selected.sw() == sw::SECURITY_STATUS_NOT_SATISFIED) return std::nullopt;
    if (!selected.isSuccess()) throw CardStatusError("selecting " + name, 0xA4, selected.sw().value());
    Bytes content = dataOf(readAt(channel, 0, baselineBlock), 0, name);
    std::optional<std::size_t> total = tlvTotalSize(content, name);
    if (!total) throw ParseError(name, content.size(), "file ends inside its TLV header");
    while (content.size() < *total) {
        std::size_t offset = content.size();
        Bytes block = dataOf(readAt(channel, offset, std::min(baselineBlock, *total - offset)), offset, name);
        if (block.empty()) throw ParseError(name, offset, "no data before the end of the file");
        append(content, block);
    }
    content.resize(*total);
    return content;
}

} // namespace cccd::bench
