// unique_ptr owners for the OpenSSL X.509 and CMS objects of the PKI layer.
#pragma once

#include "core/bytes.hpp"
#include "crypto/openssl_handles.hpp"

#include <openssl/cms.h>
#include <openssl/x509.h>

#include <string>

namespace cccd::pki {

using X509Ptr = std::unique_ptr<X509, crypto::OpenSslDeleter<X509, X509_free>>;
using CrlPtr = std::unique_ptr<X509_CRL, crypto::OpenSslDeleter<X509_CRL, X509_CRL_free>>;
using CmsPtr = std::unique_ptr<CMS_ContentInfo, crypto::OpenSslDeleter<CMS_ContentInfo, CMS_ContentInfo_free>>;
using BioPtr = std::unique_ptr<BIO, crypto::OpenSslDeleter<BIO, BIO_free_all>>;

/** A certificate's subject as one line ("C=VN, O=…, CN=…"). */
std::string subjectOf(const X509* cert);
/** True if issuer's key verifies cert's signature. Works for keys with explicit EC parameters, which
 *  OpenSSL's chain building refuses (X509 error 94): this is a signature check only. */
bool signedBy(const X509* cert, const X509* issuer);
/** cert's issuer name equals candidate's subject (and the key identifiers agree when both are present). */
bool namesIssuer(const X509* cert, const X509* candidate);
/** CMS from DER/BER bytes; throws ParseError naming context. */
CmsPtr parseCms(ByteView der, const std::string& context);

} // namespace cccd::pki
