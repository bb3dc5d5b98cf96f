#include "pki/openssl_pki.hpp"

#include "cccd/error.hpp"

#include <openssl/err.h>
#include <openssl/x509v3.h>

namespace cccd::pki {

std::string subjectOf(const X509* cert)
{
    BioPtr out(BIO_new(BIO_s_mem()));
    X509_NAME_print_ex(out.get(), X509_get_subject_name(cert), 0, XN_FLAG_ONELINE & ~ASN1_STRFLGS_ESC_MSB);
    char* data = nullptr;
    long n = BIO_get_mem_data(out.get(), &data);
    return std::string(data, static_cast<std::size_t>(n));
}

bool signedBy(const X509* cert, const X509* issuer)
{
    EVP_PKEY* key = X509_get0_pubkey(issuer);
    bool ok = key && X509_verify(const_cast<X509*>(cert), key) == 1;
    ERR_clear_error();
    return ok;
}

bool namesIssuer(const X509* cert, const X509* candidate)
{
    if (X509_NAME_cmp(X509_get_issuer_name(cert), X509_get_subject_name(candidate)) != 0) return false;
    const ASN1_OCTET_STRING* akid = X509_get0_authority_key_id(const_cast<X509*>(cert));
    const ASN1_OCTET_STRING* skid = X509_get0_subject_key_id(const_cast<X509*>(candidate));
    return !akid || !skid || ASN1_OCTET_STRING_cmp(akid, skid) == 0;
}

CmsPtr parseCms(ByteView der, const std::string& context)
{
    const unsigned char* p = der.data();
    CmsPtr cms(d2i_CMS_ContentInfo(nullptr, &p, static_cast<long>(der.size())));
    ERR_clear_error();
    if (!cms) throw ParseError(context, 0, "not a CMS ContentInfo");
    return cms;
}

} // namespace cccd::pki
