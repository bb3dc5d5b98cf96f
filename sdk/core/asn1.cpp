#include "core/asn1.hpp"

#include "cccd/error.hpp"

namespace cccd::asn1 {

std::string decodeOid(const Tlv& oid, const std::string& context)
{
    if (oid.tag != OBJECT_IDENTIFIER) throw ParseError(context, oid.offset, "expected an OBJECT IDENTIFIER");
    ByteView v = oid.value;
    if (v.empty()) throw ParseError(context, oid.offset, "empty OBJECT IDENTIFIER");
    std::string out;
    std::uint64_t arc = 0;
    bool first = true;
    for (std::size_t i = 0; i < v.size(); ++i) {
        if (arc == 0 && v[i] == 0x80) throw ParseError(context, oid.valueOffset + i, "non-minimal OID arc");
        if (arc > (UINT64_MAX >> 7)) throw ParseError(context, oid.valueOffset + i, "OID arc too large");
        arc = (arc << 7) | (v[i] & 0x7F);
        if (v[i] & 0x80) {
            if (i + 1 == v.size()) throw ParseError(context, oid.valueOffset + i, "truncated OID arc");
            continue;
        }
        if (first) {
            std::uint64_t top = arc < 40 ? 0 : (arc < 80 ? 1 : 2);
            out = std::to_string(top) + "." + std::to_string(arc - 40 * top);
            first = false;
        } else {
            out += "." + std::to_string(arc);
        }
        arc = 0;
    }
    return out;
}

Bytes encodeOidValue(const std::string& dotted)
{
    std::vector<std::uint64_t> arcs;
    std::size_t start = 0;
    while (start <= dotted.size()) {
        std::size_t dot = dotted.find('.', start);
        std::string part = dotted.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
        if (part.empty() || part.find_first_not_of("0123456789") != std::string::npos) {
            throw Error(ErrorKind::InvalidArgument, "invalid OID '" + dotted + "'");
        }
        arcs.push_back(std::stoull(part));
        if (dot == std::string::npos) break;
        start = dot + 1;
    }
    if (arcs.size() < 2 || arcs[0] > 2 || (arcs[0] < 2 && arcs[1] >= 40)) {
        throw Error(ErrorKind::InvalidArgument, "invalid OID '" + dotted + "'");
    }
    Bytes out;
    auto put = [&out](std::uint64_t arc) {
        Bytes groups{static_cast<std::uint8_t>(arc & 0x7F)};
        for (arc >>= 7; arc != 0; arc >>= 7) groups.insert(groups.begin(), static_cast<std::uint8_t>(0x80 | (arc & 0x7F)));
        append(out, groups);
    };
    put(arcs[0] * 40 + arcs[1]);
    for (std::size_t i = 2; i < arcs.size(); ++i) put(arcs[i]);
    return out;
}

Bytes encodeOid(const std::string& dotted) { return encodeTlv(OBJECT_IDENTIFIER, encodeOidValue(dotted)); }

std::uint64_t decodeUnsigned(const Tlv& integer, const std::string& context)
{
    if (integer.tag != INTEGER) throw ParseError(context, integer.offset, "expected an INTEGER");
    ByteView v = integer.value;
    if (v.empty()) throw ParseError(context, integer.offset, "empty INTEGER");
    if (v[0] & 0x80) throw ParseError(context, integer.valueOffset, "negative INTEGER where a count was expected");
    std::size_t i = 0;
    while (i + 1 < v.size() && v[i] == 0) ++i;
    if (v.size() - i > 8) throw ParseError(context, integer.valueOffset, "INTEGER too large");
    std::uint64_t out = 0;
    for (; i < v.size(); ++i) out = (out << 8) | v[i];
    return out;
}

Bytes encodeUnsigned(std::uint64_t value)
{
    Bytes digits;
    do {
        digits.insert(digits.begin(), static_cast<std::uint8_t>(value));
        value >>= 8;
    } while (value != 0);
    if (digits[0] & 0x80) digits.insert(digits.begin(), 0x00);
    return encodeTlv(INTEGER, digits);
}

std::string decodeString(const Tlv& string, const std::string& context)
{
    switch (string.tag) {
    case UTF8_STRING:
    case PRINTABLE_STRING:
    case IA5_STRING:
    case 0x14: // TeletexString: only seen carrying ASCII in certificates
    case 0x1A: // VisibleString
        break;
    default:
        throw ParseError(context, string.offset, "expected a character string, found tag " + toHex(encodeTag(string.tag)));
    }
    if (!isValidUtf8(string.value)) throw ParseError(context, string.valueOffset, "invalid UTF-8 in a string");
    return std::string(string.value.begin(), string.value.end());
}

bool isValidUtf8(ByteView bytes) noexcept
{
    const std::uint8_t* p = bytes.data();
    const std::uint8_t* end = p + bytes.size();
    while (p < end) {
        std::uint8_t c = *p;
        std::size_t n;
        std::uint32_t cp;
        if (c < 0x80) { ++p; continue; }
        if ((c & 0xE0) == 0xC0) { n = 1; cp = c & 0x1F; }
        else if ((c & 0xF0) == 0xE0) { n = 2; cp = c & 0x0F; }
        else if ((c & 0xF8) == 0xF0) { n = 3; cp = c & 0x07; }
        else return false;
        if (static_cast<std::size_t>(end - p) <= n) return false;
        for (std::size_t i = 1; i <= n; ++i) {
            if ((p[i] & 0xC0) != 0x80) return false;
            cp = (cp << 6) | (p[i] & 0x3F);
        }
        static constexpr std::uint32_t minimum[] = {0, 0x80, 0x800, 0x10000};
        if (cp < minimum[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
        p += n + 1;
    }
    return true;
}

} // namespace cccd::asn1
