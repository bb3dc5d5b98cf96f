#include "core/tlv.hpp"

#include "cccd/error.hpp"

namespace cccd {

namespace {
constexpr int maxDepth = 32;          // deeper nesting is only seen in hostile input
constexpr std::size_t maxTagBytes = 4;
constexpr std::size_t maxLengthBytes = 4;

struct Header {
    Tag tag = 0;
    std::size_t headerSize = 0;
    std::optional<std::size_t> length; // nullopt: indefinite
};

// Decodes tag and length at pos. Throws through fail with an absolute offset.
template <class Fail>
Header readHeader(ByteView data, std::size_t pos, TlvMode mode, Fail&& fail)
{
    Header h;
    std::size_t p = pos;
    if (p >= data.size()) fail(pos, "missing tag");
    std::uint8_t first = data[p++];
    h.tag = first;
    if ((first & 0x1F) == 0x1F) {
        std::size_t tagBytes = 1;
        for (;;) {
            if (p >= data.size()) fail(pos, "truncated multi-byte tag");
            std::uint8_t b = data[p++];
            if (++tagBytes > maxTagBytes) fail(pos, "tag longer than 4 bytes");
            if (tagBytes == 2 && b == 0x80 && mode == TlvMode::Der) fail(pos, "non-minimal tag encoding");
            h.tag = (h.tag << 8) | b;
            if ((b & 0x80) == 0) break;
        }
    }
    if (p >= data.size()) fail(pos, "missing length");
    std::uint8_t l0 = data[p++];
    if (l0 < 0x80) {
        h.length = l0;
    } else if (l0 == 0x80) {
        if (mode != TlvMode::Ber) fail(pos, "indefinite length not allowed here");
        if ((first & 0x20) == 0) fail(pos, "indefinite length on a primitive value");
        h.length = std::nullopt;
    } else {
        std::size_t n = l0 & 0x7F;
        if (n > maxLengthBytes) fail(pos, "length field of " + std::to_string(n) + " bytes is too long");
        if (data.size() - p < n) fail(pos, "truncated length field");
        std::size_t len = 0;
        for (std::size_t i = 0; i < n; ++i) len = (len << 8) | data[p++];
        if (mode == TlvMode::Der && (len < 0x80 || (n > 1 && (len >> (8 * (n - 1))) == 0))) {
            fail(pos, "non-minimal length encoding");
        }
        h.length = len;
    }
    h.headerSize = p - pos;
    return h;
}
} // namespace

bool Tlv::constructed() const noexcept
{
    Tag t = tag;
    while (t > 0xFF) t >>= 8;
    return (t & 0x20) != 0;
}

TlvReader::TlvReader(ByteView data, std::string context, std::size_t baseOffset, TlvMode mode)
    : data_(data), context_(std::move(context)), base_(baseOffset), mode_(mode)
{
}

void TlvReader::fail(const std::string& problem) const { failAt(base_ + pos_, problem); }

void TlvReader::failAt(std::size_t absoluteOffset, const std::string& problem) const
{
    throw ParseError(context_, absoluteOffset, problem);
}

Tlv TlvReader::readAt(std::size_t pos, int depth) const
{
    if (depth > maxDepth) failAt(base_ + pos, "nesting deeper than " + std::to_string(maxDepth));
    auto failHere = [this](std::size_t at, const std::string& why) { failAt(base_ + at, why); };
    Header h = readHeader(data_, pos, mode_, failHere);
    std::size_t valuePos = pos + h.headerSize;
    Tlv tlv;
    tlv.tag = h.tag;
    tlv.offset = base_ + pos;
    tlv.valueOffset = base_ + valuePos;
    if (h.length) {
        if (*h.length > data_.size() - valuePos) {
            failAt(base_ + pos, "length " + std::to_string(*h.length) + " exceeds the " +
                                    std::to_string(data_.size() - valuePos) + " bytes left");
        }
        tlv.value = data_.sub(valuePos, *h.length);
        tlv.encoded = data_.sub(pos, h.headerSize + *h.length);
        return tlv;
    }
    // Indefinite length: the contents are TLVs up to an end-of-contents (00 00) at this level.
    std::size_t p = valuePos;
    for (;;) {
        if (data_.size() - p < 2) failAt(base_ + pos, "indefinite length without end-of-contents");
        if (data_[p] == 0x00 && data_[p + 1] == 0x00) break;
        Tlv child = readAt(p, depth + 1);
        p += child.encoded.size();
    }
    tlv.value = data_.sub(valuePos, p - valuePos);
    tlv.encoded = data_.sub(pos, p + 2 - pos);
    return tlv;
}

Tlv TlvReader::next()
{
    if (atEnd()) fail("expected a TLV, found the end of the data");
    Tlv tlv = readAt(pos_, depth_);
    pos_ += tlv.encoded.size();
    return tlv;
}

std::optional<Tag> TlvReader::peekTag() const
{
    if (atEnd()) return std::nullopt;
    auto failHere = [this](std::size_t at, const std::string& why) { failAt(base_ + at, why); };
    return readHeader(data_, pos_, mode_, failHere).tag;
}

Tlv TlvReader::expect(Tag tag)
{
    std::optional<Tag> found = peekTag();
    if (!found) fail("expected tag " + toHex(encodeTag(tag)) + ", found the end of the data");
    if (*found != tag) fail("expected tag " + toHex(encodeTag(tag)) + ", found " + toHex(encodeTag(*found)));
    return next();
}

std::optional<Tlv> TlvReader::nextIf(Tag tag)
{
    if (peekTag() != tag) return std::nullopt;
    return next();
}

TlvReader TlvReader::children(const Tlv& parent) const
{
    if (depth_ + 1 > maxDepth) failAt(parent.offset, "nesting deeper than " + std::to_string(maxDepth));
    TlvReader inner(parent.value, context_, parent.valueOffset, mode_);
    inner.depth_ = depth_ + 1;
    return inner;
}

Tlv parseTlv(ByteView data, const std::string& context, TlvMode mode)
{
    TlvReader reader(data, context, 0, mode);
    return reader.next();
}

std::optional<std::size_t> tlvTotalSize(ByteView prefix, const std::string& context)
{
    // An incomplete header is not an error here: the caller reads more and asks again.
    std::size_t p = 0;
    if (p >= prefix.size()) return std::nullopt;
    if ((prefix[p++] & 0x1F) == 0x1F) {
        while (p < prefix.size() && p <= maxTagBytes && (prefix[p] & 0x80) != 0) ++p;
        if (p++ >= prefix.size()) return std::nullopt;
    }
    if (p >= prefix.size()) return std::nullopt;
    std::uint8_t l0 = prefix[p++];
    if (l0 > 0x80 && (l0 & 0x7F) <= maxLengthBytes && prefix.size() - p < std::size_t(l0 & 0x7F)) return std::nullopt;
    auto fail = [&context](std::size_t at, const std::string& why) { throw ParseError(context, at, why); };
    Header h = readHeader(prefix, 0, TlvMode::Definite, fail);
    return h.headerSize + *h.length;
}

Bytes encodeTag(Tag tag)
{
    Bytes out;
    bool started = false;
    for (int shift = 24; shift >= 0; shift -= 8) {
        auto b = static_cast<std::uint8_t>(tag >> shift);
        if (b != 0 || started || shift == 0) {
            out.push_back(b);
            started = true;
        }
    }
    return out;
}

Bytes encodeLength(std::size_t length)
{
    if (length < 0x80) return {static_cast<std::uint8_t>(length)};
    Bytes digits;
    for (std::size_t l = length; l != 0; l >>= 8) digits.insert(digits.begin(), static_cast<std::uint8_t>(l));
    if (digits.size() > maxLengthBytes) throw Error(ErrorKind::InvalidArgument, "TLV length too large to encode");
    Bytes out{static_cast<std::uint8_t>(0x80 | digits.size())};
    append(out, digits);
    return out;
}

Bytes encodeTlv(Tag tag, ByteView value)
{
    return concat({encodeTag(tag), encodeLength(value.size()), value});
}

} // namespace cccd
