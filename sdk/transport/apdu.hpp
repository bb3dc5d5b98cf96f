// ISO/IEC 7816-4 command and response APDUs, short and extended length.
#pragma once

#include "core/bytes.hpp"

#include <cstddef>
#include <cstdint>
#include <string>

namespace cccd {

/** A status word (SW1 SW2). Tests compare whole values, never bit masks (0x6700 & x also matches 0x6F00). */
class StatusWord {
public:
    constexpr StatusWord(std::uint16_t value = 0) noexcept : value_(value) {} // NOLINT: implicit by design
    constexpr std::uint16_t value() const noexcept { return value_; }
    constexpr std::uint8_t sw1() const noexcept { return static_cast<std::uint8_t>(value_ >> 8); }
    constexpr std::uint8_t sw2() const noexcept { return static_cast<std::uint8_t>(value_); }
    constexpr bool isSuccess() const noexcept { return value_ == 0x9000; }
    /** 61xx: more bytes are waiting for GET RESPONSE. */
    constexpr bool hasMoreData() const noexcept { return sw1() == 0x61; }
    /** 6Cxx: wrong Le; SW2 gives the right one. */
    constexpr bool isWrongLe() const noexcept { return sw1() == 0x6C; }
    /** 62xx/63xx: processed with a warning (data may still be returned). */
    constexpr bool isWarning() const noexcept { return sw1() == 0x62 || sw1() == 0x63; }
    constexpr bool operator==(StatusWord o) const noexcept { return value_ == o.value_; }
    constexpr bool operator!=(StatusWord o) const noexcept { return value_ != o.value_; }
    /** "6982 (security status not satisfied)". */
    std::string describe() const;

private:
    std::uint16_t value_;
};

namespace sw {
inline constexpr StatusWord OK{0x9000};
inline constexpr StatusWord END_OF_FILE_WARNING{0x6282};
inline constexpr StatusWord WRONG_LENGTH{0x6700};
inline constexpr StatusWord SM_DATA_OBJECTS_MISSING{0x6987};
inline constexpr StatusWord SM_DATA_OBJECTS_INCORRECT{0x6988};
inline constexpr StatusWord SECURITY_STATUS_NOT_SATISFIED{0x6982};
inline constexpr StatusWord AUTH_METHOD_BLOCKED{0x6983};
inline constexpr StatusWord CONDITIONS_NOT_SATISFIED{0x6985};
inline constexpr StatusWord COMMAND_NOT_ALLOWED{0x6986};
inline constexpr StatusWord WRONG_DATA{0x6A80};
inline constexpr StatusWord FUNCTION_NOT_SUPPORTED{0x6A81};
inline constexpr StatusWord FILE_NOT_FOUND{0x6A82};
inline constexpr StatusWord INCORRECT_P1P2{0x6A86};
inline constexpr StatusWord REFERENCED_DATA_NOT_FOUND{0x6A88};
inline constexpr StatusWord WRONG_P1P2{0x6B00};
inline constexpr StatusWord INS_NOT_SUPPORTED{0x6D00};
inline constexpr StatusWord CLA_NOT_SUPPORTED{0x6E00};
inline constexpr StatusWord NO_PRECISE_DIAGNOSIS{0x6F00};
} // namespace sw

/** Largest Nc (command data) and Ne (expected response data) an APDU can carry. */
inline constexpr std::size_t maxShortNc = 255;
inline constexpr std::size_t maxShortNe = 256;
inline constexpr std::size_t maxExtendedNc = 65535;
inline constexpr std::size_t maxExtendedNe = 65536;

/**
 * An immutable command APDU. Ne = 0 means "no Le field" (ISO case 1 or 3); Ne = 256 is encoded as short
 * Le 00 and Ne = 65536 as extended Le 0000. Extended length is used only when Nc > 255 or Ne > 256.
 */
class CommandApdu {
public:
    /** Case 1: header only. */
    CommandApdu(std::uint8_t cla, std::uint8_t ins, std::uint8_t p1, std::uint8_t p2);
    /** Case 3: header and data, no Le (e.g. SELECT with P2=0C, MSE:Set AT). */
    CommandApdu(std::uint8_t cla, std::uint8_t ins, std::uint8_t p1, std::uint8_t p2, Bytes data);
    /** Case 2: header and Le. */
    CommandApdu(std::uint8_t cla, std::uint8_t ins, std::uint8_t p1, std::uint8_t p2, std::size_t ne);
    /** Case 4: header, data and Le. */
    CommandApdu(std::uint8_t cla, std::uint8_t ins, std::uint8_t p1, std::uint8_t p2, Bytes data, std::size_t ne);

    /** Decodes an APDU as a card receives it; throws ParseError on an invalid encoding. */
    static CommandApdu parse(ByteView encoded);

    std::uint8_t cla() const noexcept { return cla_; }
    std::uint8_t ins() const noexcept { return ins_; }
    std::uint8_t p1() const noexcept { return p1_; }
    std::uint8_t p2() const noexcept { return p2_; }
    const Bytes& data() const noexcept { return data_; }
    std::size_t ne() const noexcept { return ne_; }
    bool hasLe() const noexcept { return ne_ != 0; }
    /** True when the encoding needs extended length fields. */
    bool isExtended() const noexcept { return data_.size() > maxShortNc || ne_ > maxShortNe; }

    Bytes encode() const;
    /** The same command with another Ne (for 6Cxx retries and block-size probing). */
    CommandApdu withNe(std::size_t ne) const;
    /** The same command with another CLA (e.g. secure-messaging bits). */
    CommandApdu withCla(std::uint8_t cla) const;
    /** Wipes the data field (for commands that carried secrets). */
    void wipe() noexcept;

private:
    std::uint8_t cla_, ins_, p1_, p2_;
    Bytes data_;
    std::size_t ne_;
};

/** A response APDU: data and the status word. */
class ResponseApdu {
public:
    ResponseApdu(Bytes data, StatusWord sw) : data_(std::move(data)), sw_(sw) {}
    explicit ResponseApdu(StatusWord sw) : sw_(sw) {}
    /** Splits raw bytes from the reader; throws ParseError if fewer than 2 bytes. */
    static ResponseApdu parse(ByteView raw);

    const Bytes& data() const noexcept { return data_; }
    Bytes& data() noexcept { return data_; }
    StatusWord sw() const noexcept { return sw_; }
    bool isSuccess() const noexcept { return sw_.isSuccess(); }
    Bytes encode() const;

private:
    Bytes data_;
    StatusWord sw_;
};

} // namespace cccd
