#include "lds_encoders.hpp"

#include "core/asn1.hpp"
#include "core/tlv.hpp"
#include "lds/lds_files.hpp"
#include "icao/chip_authentication_key.hpp"

namespace cccd::vcard {

namespace {
Bytes seq(const Bytes& body) { return encodeTlv(asn1::SEQUENCE, body); }
Bytes utf8(const std::string& s) { return encodeTlv(asn1::UTF8_STRING, Bytes(s.begin(), s.end())); }
Bytes printable(const std::string& s) { return encodeTlv(asn1::PRINTABLE_STRING, Bytes(s.begin(), s.end())); }

// dd/mm/yyyy as the card writes dates in DG13.
std::string cardDate(const std::string& iso) { return iso.substr(8, 2) + "/" + iso.substr(5, 2) + "/" + iso.substr(0, 4); }

Bytes numbered(int n, const Bytes& values) { return seq(concat({asn1::encodeUnsigned(static_cast<std::uint64_t>(n)), values})); }

std::string sexText(const std::string& code) { return code == "M" ? "Nam" : code == "F" ? "N\xE1\xBB\xAF" : ""; }

const std::string testDg13Oid = "2.16.704.1.1.1.13"; // test value: the OID of real cards is not published
} // namespace

Bytes encodeEfCom(const std::vector<int>& dataGroups)
{
    Bytes tags;
    for (int dg : dataGroups) tags.push_back(lds::fileByDataGroup(dg)->tag);
    return encodeTlv(0x60, concat({encodeTlv(0x5F01, Bytes{'0', '1', '0', '7'}), encodeTlv(0x5F36, Bytes{'0', '4', '0', '0', '0', '0'}),
                                   encodeTlv(0x5C, tags)}));
}

std::pair<int, int> jpegSize(const Bytes& jpeg)
{
    for (std::size_t i = 2; i + 9 < jpeg.size();) {
        if (jpeg[i] != 0xFF) return {0, 0};
        std::uint8_t marker = jpeg[i + 1];
        std::size_t length = (std::size_t(jpeg[i + 2]) << 8) | jpeg[i + 3];
        bool sof = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
        if (sof) return {(jpeg[i + 7] << 8) | jpeg[i + 8], (jpeg[i + 5] << 8) | jpeg[i + 6]};
        i += 2 + length;
    }
    return {0, 0};
}

Bytes encodeDg2(const Bytes& jpeg)
{
    auto [width, height] = jpegSize(jpeg);
    return encodeDg2Image(jpeg, false, width, height);
}

Bytes encodeDg2Image(const Bytes& image, bool jpeg2000, int width, int height)
{
    Bytes facial = bigEndian(20 + 12 + image.size(), 4); // facial record block length
    append(facial, fromHex("0000 00 00 00 000000 0000 000000 000000")); // no feature points; gender, eyes, hair, pose unspecified
    append(facial, {0x01, static_cast<std::uint8_t>(jpeg2000 ? 0x01 : 0x00)}); // full frontal; JPEG or JPEG 2000
    append(facial, bigEndian(static_cast<std::uint64_t>(width), 2));
    append(facial, bigEndian(static_cast<std::uint64_t>(height), 2));
    append(facial, fromHex("01 02 0000 0000"));         // sRGB, digital camera, device, quality
    append(facial, image);
    Bytes record = fromHex("46414300 30313000");       // "FAC\0" "010\0"
    append(record, bigEndian(14 + facial.size(), 4));
    append(record, {0x00, 0x01});
    append(record, facial);
    Bytes header = encodeTlv(0xA1, concat({encodeTlv(0x80, fromHex("0101")), encodeTlv(0x81, fromHex("02")),
                                          encodeTlv(0x87, fromHex("0101")), encodeTlv(0x88, fromHex("0008"))}));
    Bytes instance = encodeTlv(0x7F60, concat({header, encodeTlv(0x5F2E, record)}));
    return encodeTlv(0x75, encodeTlv(0x7F61, concat({encodeTlv(0x02, Bytes{0x01}), instance})));
}

Bytes encodeDg13(const Document& d)
{
    Bytes fields;
    auto add = [&fields](int n, const std::optional<std::string>& v, bool isPrintable = false) {
        if (v) append(fields, numbered(n, isPrintable ? printable(*v) : utf8(*v)));
    };
    add(1, d.idNumber, true);
    add(2, d.fullName);
    add(3, d.dateOfBirth ? std::optional<std::string>(cardDate(*d.dateOfBirth)) : std::nullopt, true);
    add(4, sexText(d.sex.value_or("X")));
    add(5, d.nationality);
    add(6, d.ethnicity);
    add(7, d.religion);
    add(8, d.placeOfOrigin);
    add(9, d.placeOfResidence);
    add(10, d.personalIdentification);
    add(11, d.dateOfIssue ? std::optional<std::string>(cardDate(*d.dateOfIssue)) : std::nullopt, true);
    add(12, d.dateOfExpiry ? cardDate(*d.dateOfExpiry) : std::string("Kh\xC3\xB4ng th\xE1\xBB\x9Di h\xE1\xBA\xA1n"));
    Bytes parents = seq(concat({d.fatherName ? utf8(*d.fatherName) : Bytes{}, d.motherName ? utf8(*d.motherName) : Bytes{}}));
    append(fields, numbered(13, parents));
    append(fields, numbered(14, d.spouseName ? seq(utf8(*d.spouseName)) : Bytes{}));
    add(15, d.oldIdNumber, true);
    Bytes body = concat({asn1::encodeUnsigned(1), asn1::encodeOid(testDg13Oid), encodeTlv(asn1::SET, fields)});
    return encodeTlv(0x6D, seq(body));
}

Bytes encodeCardAccess(bool pace, const std::optional<std::string>& caProtocol, bool offerCam)
{
    Bytes infos;
    for (const std::string& protocol : {paceProtocol, paceCamProtocol}) {
        if (pace && (protocol == paceProtocol || offerCam)) {
            append(infos, seq(concat({asn1::encodeOid(protocol), asn1::encodeUnsigned(2), asn1::encodeUnsigned(paceParameterId)})));
        }
    }
    if (caProtocol) append(infos, seq(concat({asn1::encodeOid(*caProtocol), asn1::encodeUnsigned(1)})));
    append(infos, seq(concat({asn1::encodeOid("0.4.0.127.0.7.2.2.2"), asn1::encodeUnsigned(1)})));
    return encodeTlv(asn1::SET, infos);
}

Bytes encodeDg14(const Bytes& chipAuthenticationKey, const std::string& caProtocol, bool activeAuthenticationEcdsa)
{
    Bytes infos = seq(concat({asn1::encodeOid(icao::publicKeyProtocolFor(caProtocol)), chipAuthenticationKey}));
    append(infos, seq(concat({asn1::encodeOid(caProtocol), asn1::encodeUnsigned(1)})));
    if (activeAuthenticationEcdsa) {
        append(infos, seq(concat({asn1::encodeOid("2.23.136.1.1.5"), asn1::encodeUnsigned(1), asn1::encodeOid("1.2.840.10045.4.3.2")})));
    }
    return encodeTlv(0x6E, encodeTlv(asn1::SET, infos));
}

Bytes encodeDg15(const Bytes& activeAuthenticationKey) { return encodeTlv(0x6F, activeAuthenticationKey); }

} // namespace cccd::vcard
