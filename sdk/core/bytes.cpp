#include "core/bytes.hpp"

#include "cccd/error.hpp"

#include <algorithm>
#include <cstring>
#include <stdexcept>

namespace cccd {

std::uint8_t ByteView::at(std::size_t index) const
{
    if (index >= size_) {
        throw std::out_of_range("ByteView index " + std::to_string(index) + " >= size " + std::to_string(size_));
    }
    return data_[index];
}

ByteView ByteView::sub(std::size_t offset, std::size_t count) const
{
    if (offset > size_ || count > size_ - offset) {
        throw std::out_of_range("ByteView range [" + std::to_string(offset) + ", +" + std::to_string(count) +
                                ") outside size " + std::to_string(size_));
    }
    return ByteView(data_ + offset, count);
}

ByteView ByteView::sub(std::size_t offset) const
{
    if (offset > size_) {
        throw std::out_of_range("ByteView offset " + std::to_string(offset) + " > size " + std::to_string(size_));
    }
    return ByteView(data_ + offset, size_ - offset);
}

bool ByteView::operator==(ByteView other) const noexcept
{
    return size_ == other.size_ && (size_ == 0 || std::memcmp(data_, other.data_, size_) == 0);
}

std::string toHex(ByteView bytes)
{
    static constexpr char digits[] = "0123456789ABCDEF";
    std::string out;
    out.reserve(bytes.size() * 2);
    for (std::uint8_t b : bytes) {
        out.push_back(digits[b >> 4]);
        out.push_back(digits[b & 0x0F]);
    }
    return out;
}

namespace {
int hexValue(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}
bool isSeparator(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ':'; }
} // namespace

Bytes fromHex(std::string_view hex)
{
    Bytes out;
    out.reserve(hex.size() / 2);
    int high = -1;
    for (std::size_t i = 0; i < hex.size(); ++i) {
        char c = hex[i];
        if (isSeparator(c)) {
            if (high >= 0) throw Error(ErrorKind::InvalidArgument, "hex: separator inside a byte at " + std::to_string(i));
            continue;
        }
        int v = hexValue(c);
        if (v < 0) throw Error(ErrorKind::InvalidArgument, "hex: invalid character at " + std::to_string(i));
        if (high < 0) {
            high = v;
        } else {
            out.push_back(static_cast<std::uint8_t>(high << 4 | v));
            high = -1;
        }
    }
    if (high >= 0) throw Error(ErrorKind::InvalidArgument, "hex: odd number of digits");
    return out;
}

void append(Bytes& to, ByteView from) { to.insert(to.end(), from.begin(), from.end()); }

void append(Bytes& to, std::initializer_list<std::uint8_t> from) { to.insert(to.end(), from.begin(), from.end()); }

Bytes concat(std::initializer_list<ByteView> parts)
{
    std::size_t total = 0;
    for (ByteView p : parts) total += p.size();
    Bytes out;
    out.reserve(total);
    for (ByteView p : parts) append(out, p);
    return out;
}

Bytes bigEndian(std::uint64_t value, std::size_t width)
{
    if (width > 8) throw Error(ErrorKind::Internal, "bigEndian: width > 8");
    Bytes out(width);
    for (std::size_t i = 0; i < width; ++i) {
        out[width - 1 - i] = static_cast<std::uint8_t>(value >> (8 * i));
    }
    return out;
}

bool constantTimeEqual(ByteView a, ByteView b) noexcept
{
    if (a.size() != b.size()) return false;
    std::uint8_t diff = 0;
    for (std::size_t i = 0; i < a.size(); ++i) diff |= static_cast<std::uint8_t>(a.data()[i] ^ b.data()[i]);
    return diff == 0;
}

} // namespace cccd
