#include "pki/openssl_pki.hpp"

#include "cccd/error.hpp"

#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/x509v3.h>

#include <algorithm>
#include <cctype>
#include <utility>
#include <vector>

namespace cccd::pki {

namespace {
// One attribute of a name, comparable by content: its type and its value as UTF-8, folded per RFC 5280 §7.1
// (case and runs of spaces ignored) so PrintableString "VN" equals UTF8String "vn".
using Attribute = std::pair<std::string, std::string>;

std::string folded(const ASN1_STRING* value)
{
    unsigned char* utf8 = nullptr;
    int n = ASN1_STRING_to_UTF8(&utf8, value);
    if (n < 0) {
        ERR_clear_error();
        const unsigned char* raw = ASN1_STRING_get0_data(value);
        return std::string(reinterpret_cast<const char*>(raw), static_cast<std::size_t>(ASN1_STRING_length(value)));
    }
    std::string out;
    bool space = false;
    for (int i = 0; i < n; ++i) {
        auto c = static_cast<unsigned char>(utf8[i]);
        if (std::isspace(c)) {
            space = !out.empty();
            continue;
        }
        if (space) out += ' ';
        space = false;
        out += static_cast<char>(c < 0x80 ? std::tolower(c) : c);
    }
    OPENSSL_free(utf8);
    return out;
}

std::vector<Attribute> attributes(const X509_NAME* name)
{
    std::vector<Attribute> out;
    for (int i = 0; i < X509_NAME_entry_count(name); ++i) {
        const X509_NAME_ENTRY* e = X509_NAME_get_entry(name, i);
        char type[80];
        OBJ_obj2txt(type, sizeof type, X509_NAME_ENTRY_get_object(e), 1);
        out.emplace_back(type, folded(X509_NAME_ENTRY_get_data(e)));
    }
    std::sort(out.begin(), out.end());
    return out;
}

std::string utcText(std::time_t t, const char* format)
{
    std::tm tm{};
    gmtime_r(&t, &tm);
    char out[32];
    std::strftime(out, sizeof out, format, &tm);
    return out;
}

std::string hexLower(const unsigned char* data, std::size_t size)
{
    static const char* digits = "0123456789abcdef";
    std::string out;
    for (std::size_t i = 0; i < size; ++i) {
        out += digits[data[i] >> 4];
        out += digits[data[i] & 0x0F];
    }
    return out;
}
} // namespace

std::string nameText(const X509_NAME* name)
{
    BioPtr out(BIO_new(BIO_s_mem()));
    X509_NAME_print_ex(out.get(), name, 0, XN_FLAG_ONELINE & ~ASN1_STRFLGS_ESC_MSB);
    char* data = nullptr;
    long n = BIO_get_mem_data(out.get(), &data);
    return std::string(data, static_cast<std::size_t>(n));
}

std::string subjectOf(const X509* cert) { return nameText(X509_get_subject_name(cert)); }

std::string fingerprintOf(const X509* cert)
{
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int size = 0;
    if (X509_digest(cert, EVP_sha256(), md, &size) != 1) crypto::throwOpenSslError("X509_digest");
    return hexLower(md, size);
}

bool signedBy(const X509* cert, const X509* issuer)
{
    EVP_PKEY* key = X509_get0_pubkey(issuer);
    bool ok = key && X509_verify(const_cast<X509*>(cert), key) == 1;
    ERR_clear_error();
    return ok;
}

bool sameName(const X509_NAME* a, const X509_NAME* b)
{
    return X509_NAME_cmp(a, b) == 0 || attributes(a) == attributes(b);
}

bool namesIssuer(const X509* cert, const X509* candidate)
{
    return sameName(X509_get_issuer_name(cert), X509_get_subject_name(candidate));
}

bool keyIdentifiersAgree(const X509* cert, const X509* candidate)
{
    const ASN1_OCTET_STRING* akid = X509_get0_authority_key_id(const_cast<X509*>(cert));
    const ASN1_OCTET_STRING* skid = X509_get0_subject_key_id(const_cast<X509*>(candidate));
    return !akid || !skid || ASN1_OCTET_STRING_cmp(akid, skid) == 0;
}

std::string countryOf(const X509_NAME* name)
{
    int i = X509_NAME_get_index_by_NID(name, NID_countryName, -1);
    if (i < 0) return {};
    std::string c = folded(X509_NAME_ENTRY_get_data(X509_NAME_get_entry(name, i)));
    std::transform(c.begin(), c.end(), c.begin(), [](char ch) { return static_cast<char>(std::toupper(static_cast<unsigned char>(ch))); });
    return c;
}

bool isCaCertificate(X509* cert)
{
    std::uint32_t flags = X509_get_extension_flags(cert);
    bool ca = (flags & EXFLAG_KUSAGE) ? (X509_get_key_usage(cert) & KU_KEY_CERT_SIGN) != 0 : (flags & EXFLAG_CA) != 0;
    ERR_clear_error();
    return ca;
}

CmsPtr parseCms(ByteView der, const std::string& context)
{
    const unsigned char* p = der.data();
    CmsPtr cms(d2i_CMS_ContentInfo(nullptr, &p, static_cast<long>(der.size())));
    ERR_clear_error();
    if (!cms) throw ParseError(context, 0, "not a CMS ContentInfo");
    if (OBJ_obj2nid(CMS_get0_type(cms.get())) != NID_pkcs7_signed) throw ParseError(context, 0, "not a CMS SignedData");
    return cms;
}

std::optional<std::time_t> toTime(const ASN1_TIME* time)
{
    std::tm tm{};
    if (!time || ASN1_TIME_to_tm(time, &tm) != 1) {
        ERR_clear_error();
        return std::nullopt;
    }
    return timegm(&tm);
}

std::string isoDate(std::time_t t) { return utcText(t, "%Y-%m-%d"); }

std::string isoDateTime(std::time_t t) { return utcText(t, "%Y-%m-%dT%H:%M:%SZ"); }

} // namespace cccd::pki
