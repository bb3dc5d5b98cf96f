#include "hostile_files.hpp"

#include "crypto/openssl_handles.hpp"

#include <openssl/asn1.h>
#include <openssl/objects.h>

#include <memory>
#include <string>
#include <vector>

namespace cccd::vcard {

namespace {
// BER definite length of up to 8 bytes: a 4 GB claim needs 84 FF FF FF FF, which encodeLength may not take.
Bytes berLength(std::uint64_t length)
{
    if (length < 0x80) return {static_cast<std::uint8_t>(length)};
    Bytes digits;
    for (std::uint64_t v = length; v; v >>= 8) digits.insert(digits.begin(), static_cast<std::uint8_t>(v));
    digits.insert(digits.begin(), static_cast<std::uint8_t>(0x80 | digits.size()));
    return digits;
}
} // namespace

Bytes withClaimedLength(const Bytes& file, std::uint64_t claimed)
{
    // Data groups have one-byte tags (61, 75, 6D, ...).
    std::size_t header = file[1] < 0x80 ? 2 : 2 + (file[1] & 0x7F);
    Bytes out{file[0]};
    append(out, berLength(claimed));
    out.insert(out.end(), file.begin() + static_cast<long>(header), file.end());
    return out;
}

Bytes nestedTlv(std::uint8_t tag, int depth)
{
    // Indefinite lengths (30 80 ... 00 00): a parser can only find where a level ends by walking every level inside,
    // which is what a recursive parser without a depth limit overflows its stack on.
    const auto levels = static_cast<std::size_t>(depth);
    Bytes value;
    value.reserve(4 * levels);
    for (std::size_t i = 0; i < levels; ++i) append(value, {0x30, 0x80});
    value.resize(4 * levels, 0x00); // the end-of-contents of every level
    Bytes out{tag};
    append(out, berLength(value.size()));
    append(out, value);
    return out;
}

Bytes nestedField(std::uint8_t tag, int depth)
{
    // Definite lengths: every level's end is in its header, so only a parser that walks down level by level (DG13's
    // strings are collected depth first) meets the nesting. Built from the inside out, reversed, to stay linear.
    Bytes reversed{0x00, 0x30}; // the innermost, empty SEQUENCE
    auto wrap = [&reversed](std::uint8_t outer) {
        Bytes header{outer};
        append(header, berLength(reversed.size()));
        reversed.insert(reversed.end(), header.rbegin(), header.rend());
    };
    for (int i = 1; i < depth; ++i) wrap(0x30);
    append(reversed, {0x01, 0x01, 0x02}); // INTEGER 1, the field number, before the nest
    wrap(0x30);                          // the field
    wrap(0x30);                          // the SEQUENCE of fields
    wrap(tag);
    return Bytes(reversed.rbegin(), reversed.rend());
}

Bytes flatJpeg2000(std::uint32_t width, std::uint32_t height, std::uint16_t components)
{
    Bytes j2k{0xFF, 0x4F};                                              // SOC
    append(j2k, {0xFF, 0x51});                                          // SIZ
    append(j2k, bigEndian(38u + 3u * components, 2));                   // Lsiz
    append(j2k, {0x00, 0x00});                                          // Rsiz
    append(j2k, bigEndian(width, 4));                                   // Xsiz
    append(j2k, bigEndian(height, 4));                                  // Ysiz
    append(j2k, bigEndian(0, 8));                                       // XOsiz, YOsiz
    append(j2k, bigEndian(width, 4));                                   // XTsiz: one tile as large as the image
    append(j2k, bigEndian(height, 4));                                  // YTsiz
    append(j2k, bigEndian(0, 8));                                       // XTOsiz, YTOsiz
    append(j2k, bigEndian(components, 2));                              // Csiz
    for (std::uint16_t c = 0; c < components; ++c) append(j2k, {0x07, 0x01, 0x01}); // 8 bits, no subsampling
    append(j2k, {0xFF, 0x52, 0x00, 12, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x04, 0x04, 0x00, 0x01}); // COD: no decomposition, 5-3
    append(j2k, {0xFF, 0x5C, 0x00, 4, 0x40, 0x40});                    // QCD: no quantisation
    append(j2k, {0xFF, 0x90, 0x00, 10, 0x00, 0x00});                    // SOT: tile 0
    append(j2k, bigEndian(12u + 2u + components, 4));                   // Psot: SOT, SOD and one packet per component
    append(j2k, {0x00, 0x01});                                          // tile-part 0 of 1
    append(j2k, {0xFF, 0x93});                                          // SOD
    j2k.resize(j2k.size() + components, 0x00);                          // one empty packet per component: a flat image
    append(j2k, {0xFF, 0xD9});                                          // EOC
    return j2k;
}

void padCertificate(X509* cert, std::size_t kib, EVP_PKEY* signer)
{
    // Many small extensions (a parser's per-extension work adds up), under UUID-based OIDs (X.667): nobody's
    // extensions, so a verifier must skip them as non-critical.
    constexpr std::size_t extensionBytes = 256;
    const std::string arc = "2.25.329800735698586629295641978511506172918.";
    const Bytes padding(extensionBytes, 0x5A);
    for (std::size_t i = 0; i < kib * 1024 / extensionBytes; ++i) {
        std::unique_ptr<ASN1_OBJECT, decltype(&ASN1_OBJECT_free)> oid(OBJ_txt2obj((arc + std::to_string(i)).c_str(), 1), ASN1_OBJECT_free);
        std::unique_ptr<ASN1_OCTET_STRING, decltype(&ASN1_OCTET_STRING_free)> value(ASN1_OCTET_STRING_new(), ASN1_OCTET_STRING_free);
        if (!oid || !value || !ASN1_OCTET_STRING_set(value.get(), padding.data(), static_cast<int>(padding.size()))) {
            crypto::throwOpenSslError("padding extension");
        }
        X509_EXTENSION* extension = X509_EXTENSION_create_by_OBJ(nullptr, oid.get(), 0, value.get());
        bool added = extension && X509_add_ext(cert, extension, -1) == 1;
        X509_EXTENSION_free(extension);
        if (!added) crypto::throwOpenSslError("padding extension");
    }
    if (X509_sign(cert, signer, EVP_sha256()) <= 0) crypto::throwOpenSslError("padded certificate");
}

} // namespace cccd::vcard
