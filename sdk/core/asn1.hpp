// The small part of ASN.1 the SDK needs on top of BER-TLV: universal tags, OIDs, integers, strings, times.
#pragma once

#include "core/tlv.hpp"

#include <cstdint>
#include <string>

namespace cccd::asn1 {

// Universal tags as they appear on the wire.
inline constexpr Tag BOOLEAN = 0x01;
inline constexpr Tag INTEGER = 0x02;
inline constexpr Tag BIT_STRING = 0x03;
inline constexpr Tag OCTET_STRING = 0x04;
inline constexpr Tag NULL_VALUE = 0x05;
inline constexpr Tag OBJECT_IDENTIFIER = 0x06;
inline constexpr Tag UTF8_STRING = 0x0C;
inline constexpr Tag PRINTABLE_STRING = 0x13;
inline constexpr Tag IA5_STRING = 0x16;
inline constexpr Tag UTC_TIME = 0x17;
inline constexpr Tag GENERALIZED_TIME = 0x18;
inline constexpr Tag SEQUENCE = 0x30;
inline constexpr Tag SET = 0x31;

/** Dotted form of an OBJECT IDENTIFIER's contents ("0.4.0.127.0.7.2.2.4.2.2"). */
std::string decodeOid(const Tlv& oid, const std::string& context);
/** Contents octets of an OBJECT IDENTIFIER from its dotted form. */
Bytes encodeOidValue(const std::string& dotted);
/** A complete OBJECT IDENTIFIER TLV. */
Bytes encodeOid(const std::string& dotted);

/** A non-negative INTEGER that fits in 64 bits (versions, parameter ids). */
std::uint64_t decodeUnsigned(const Tlv& integer, const std::string& context);
/** A complete INTEGER TLV for a non-negative value. */
Bytes encodeUnsigned(std::uint64_t value);

/** The text of a character string (UTF8String, PrintableString, IA5String, ...); UTF-8 is validated. */
std::string decodeString(const Tlv& string, const std::string& context);

/** True if bytes are well-formed UTF-8 (no overlongs, no surrogates). */
bool isValidUtf8(ByteView bytes) noexcept;

} // namespace cccd::asn1
