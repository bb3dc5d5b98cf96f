// Byte buffers, a bounds-checked read-only view and hex conversion.
#pragma once

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace cccd {

using Bytes = std::vector<std::uint8_t>;

/** A read-only view of bytes owned elsewhere. Every sub-view is bounds-checked. */
class ByteView {
public:
    constexpr ByteView() noexcept = default;
    constexpr ByteView(const std::uint8_t* data, std::size_t size) noexcept : data_(data), size_(size) {}
    ByteView(const Bytes& bytes) noexcept : data_(bytes.data()), size_(bytes.size()) {} // NOLINT: implicit by design

    constexpr const std::uint8_t* data() const noexcept { return data_; }
    constexpr std::size_t size() const noexcept { return size_; }
    constexpr bool empty() const noexcept { return size_ == 0; }
    constexpr const std::uint8_t* begin() const noexcept { return data_; }
    constexpr const std::uint8_t* end() const noexcept { return data_ + size_; }

    /** Byte at index; throws std::out_of_range past the end. */
    std::uint8_t at(std::size_t index) const;
    std::uint8_t operator[](std::size_t index) const { return at(index); }

    /** Bytes [offset, offset + count); throws std::out_of_range if that leaves the view. */
    ByteView sub(std::size_t offset, std::size_t count) const;
    /** Bytes from offset to the end. */
    ByteView sub(std::size_t offset) const;

    Bytes toBytes() const { return Bytes(begin(), end()); }
    bool operator==(ByteView other) const noexcept;
    bool operator!=(ByteView other) const noexcept { return !(*this == other); }

private:
    const std::uint8_t* data_ = nullptr;
    std::size_t size_ = 0;
};

/** Upper-case hex without separators. */
std::string toHex(ByteView bytes);

/** Parses hex; spaces, tabs, newlines and ':' between bytes are ignored. Throws cccd::Error on bad input. */
Bytes fromHex(std::string_view hex);

/** Appends bytes to a buffer. */
void append(Bytes& to, ByteView from);
void append(Bytes& to, std::initializer_list<std::uint8_t> from);

/** The concatenation of several views. */
Bytes concat(std::initializer_list<ByteView> parts);

/** Big-endian encoding of value in exactly width bytes (width <= 8). */
Bytes bigEndian(std::uint64_t value, std::size_t width);

/** Constant-time equality for MACs and tokens: the time does not depend on where the bytes differ. */
bool constantTimeEqual(ByteView a, ByteView b) noexcept;

} // namespace cccd
