// The ASN.1 value decoders (OID, INTEGER, strings, UTF-8 check) on arbitrary contents octets.
// The first byte picks the universal tag (of eight), the rest is the value, so every decoder sees every value.
#include "cccd/error.hpp"
#include "core/asn1.hpp"
#include "core/tlv.hpp"
#include "fuzz_target.hpp"

#include <cstdlib>

std::vector<std::vector<std::uint8_t>> cccd::fuzz::fuzzSeeds()
{
    return {{0x06, 0x04, 0x00, 0x7F, 0x00, 0x07, 0x02, 0x02, 0x04, 0x02, 0x02}, // an OID
            {0x02, 0x00, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF},       // an INTEGER of 9 bytes
            {0x0C, 0x4E, 0xC6, 0xB0, 0xE1, 0xBB, 0x9D, 0x69},                   // UTF-8 Vietnamese
            {0x13, 0x56, 0x4E}};
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size == 0) return 0;
    cccd::ByteView value(data + 1, size - 1);
    // OID, INTEGER, UTF8String, PrintableString, IA5String, T61String, BMPString, OCTET STRING
    static const cccd::Tag tags[] = {0x06, 0x02, 0x0C, 0x13, 0x16, 0x14, 0x1E, 0x04};
    const cccd::Bytes encoded = cccd::encodeTlv(tags[data[0] % 8], value);
    const cccd::Tlv tlv = cccd::parseTlv(encoded, "fuzz");
    try {
        std::string dotted = cccd::asn1::decodeOid(tlv, "fuzz");
        // Whatever decodes must encode back to the same contents (OIDs are compared as text everywhere).
        if (cccd::asn1::encodeOidValue(dotted) != cccd::Bytes(value.begin(), value.end())) std::abort();
    } catch (const cccd::Error&) {
    }
    try {
        (void)cccd::asn1::decodeUnsigned(tlv, "fuzz");
    } catch (const cccd::Error&) {
    }
    try {
        (void)cccd::asn1::decodeString(tlv, "fuzz");
    } catch (const cccd::Error&) {
    }
    (void)cccd::asn1::isValidUtf8(value);
    return 0;
}
