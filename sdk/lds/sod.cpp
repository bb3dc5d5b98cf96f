#include "lds/sod.hpp"

#include "cccd/error.hpp"
#include "core/asn1.hpp"

namespace cccd::lds {

namespace {
const std::string context = "EF.SOD";
const std::string signedDataOid = "1.2.840.113549.1.7.2";
const std::string ldsSecurityObjectOid = "2.23.136.1.1.1";
const std::string idDataOid = "1.2.840.113549.1.7.1";

// An OCTET STRING's bytes; BER allows a constructed string made of primitive pieces.
Bytes octets(TlvReader& parent, const Tlv& t)
{
    if (!t.constructed()) return t.value.toBytes();
    Bytes out;
    TlvReader pieces = parent.children(t);
    while (!pieces.atEnd()) append(out, pieces.expect(asn1::OCTET_STRING).value);
    return out;
}
} // namespace

std::optional<crypto::HashAlgorithm> hashAlgorithmFor(const std::string& oid)
{
    if (oid == "1.3.14.3.2.26") return crypto::HashAlgorithm::Sha1;
    if (oid == "2.16.840.1.101.3.4.2.4") return crypto::HashAlgorithm::Sha224;
    if (oid == "2.16.840.1.101.3.4.2.1") return crypto::HashAlgorithm::Sha256;
    if (oid == "2.16.840.1.101.3.4.2.2") return crypto::HashAlgorithm::Sha384;
    if (oid == "2.16.840.1.101.3.4.2.3") return crypto::HashAlgorithm::Sha512;
    return std::nullopt;
}

SecurityObject parseSod(ByteView file)
{
    TlvReader top(file, context, 0, TlvMode::Ber);
    Tlv wrapper = top.expect(0x77);
    TlvReader inWrapper = top.children(wrapper);
    Tlv contentInfo = inWrapper.expect(asn1::SEQUENCE);
    SecurityObject out;
    out.signedData = contentInfo.encoded.toBytes();

    TlvReader ci = inWrapper.children(contentInfo);
    if (asn1::decodeOid(ci.expect(asn1::OBJECT_IDENTIFIER), context) != signedDataOid) {
        throw ParseError(context, contentInfo.offset, "not a CMS SignedData");
    }
    Tlv explicit0 = ci.expect(0xA0);
    TlvReader e0 = ci.children(explicit0);
    Tlv signedData = e0.expect(asn1::SEQUENCE);
    TlvReader sd = e0.children(signedData);
    sd.expect(asn1::INTEGER);
    sd.expect(asn1::SET); // digestAlgorithms
    Tlv encap = sd.expect(asn1::SEQUENCE);
    TlvReader ec = sd.children(encap);
    Tlv type = ec.expect(asn1::OBJECT_IDENTIFIER);
    std::string contentType = asn1::decodeOid(type, context);
    // Some issuers label the content id-data; it counts only if it parses as an LDSSecurityObject below.
    out.contentTypeIsData = contentType == idDataOid;
    if (contentType != ldsSecurityObjectOid && !out.contentTypeIsData) {
        throw ParseError(context, type.offset, "content is not an LDSSecurityObject (" + contentType + ")");
    }
    Tlv content0 = ec.expect(0xA0);
    TlvReader c0 = ec.children(content0);
    Tlv eContent = c0.next();
    if (eContent.tag != asn1::OCTET_STRING && eContent.tag != 0x24) throw ParseError(context, eContent.offset, "eContent is not an OCTET STRING");
    Bytes lds = octets(c0, eContent);

    TlvReader so(lds, context + " LDSSecurityObject", 0, TlvMode::Ber);
    Tlv sequence = so.expect(asn1::SEQUENCE);
    TlvReader items = so.children(sequence);
    items.expect(asn1::INTEGER);
    Tlv algorithm = items.expect(asn1::SEQUENCE);
    TlvReader alg = items.children(algorithm);
    out.hashAlgorithmOid = asn1::decodeOid(alg.expect(asn1::OBJECT_IDENTIFIER), context);
    out.hashAlgorithm = hashAlgorithmFor(out.hashAlgorithmOid);
    Tlv hashes = items.expect(asn1::SEQUENCE);
    TlvReader list = items.children(hashes);
    while (!list.atEnd()) {
        Tlv entry = list.expect(asn1::SEQUENCE);
        TlvReader e = list.children(entry);
        std::uint64_t dg = asn1::decodeUnsigned(e.expect(asn1::INTEGER), context);
        Tlv hash = e.expect(asn1::OCTET_STRING);
        if (dg == 0 || dg > 16) throw ParseError(context, entry.offset, "data group number out of range");
        if (!out.dataGroupHashes.emplace(static_cast<int>(dg), hash.value.toBytes()).second) out.duplicateDataGroups.push_back(static_cast<int>(dg));
    }
    if (out.dataGroupHashes.empty()) throw ParseError(context, hashes.offset, "the LDSSecurityObject lists no data group");
    if (auto version = items.nextIf(asn1::SEQUENCE)) {
        TlvReader v = items.children(*version);
        if (auto s = v.nextIf(asn1::PRINTABLE_STRING)) out.ldsVersion = asn1::decodeString(*s, context);
        if (auto s = v.nextIf(asn1::PRINTABLE_STRING)) out.unicodeVersion = asn1::decodeString(*s, context);
    }
    return out;
}

std::optional<bool> SecurityObject::matches(int dg, ByteView content) const
{
    auto listed = dataGroupHashes.find(dg);
    if (listed == dataGroupHashes.end() || !hashAlgorithm) return std::nullopt;
    return constantTimeEqual(crypto::hash(*hashAlgorithm, content), listed->second);
}

const char* hashAlgorithmName(crypto::HashAlgorithm algorithm)
{
    switch (algorithm) {
    case crypto::HashAlgorithm::Sha1: return "SHA-1";
    case crypto::HashAlgorithm::Sha224: return "SHA-224";
    case crypto::HashAlgorithm::Sha256: return "SHA-256";
    case crypto::HashAlgorithm::Sha384: return "SHA-384";
    case crypto::HashAlgorithm::Sha512: return "SHA-512";
    }
    return "unknown";
}

} // namespace cccd::lds
