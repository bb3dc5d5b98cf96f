// unique_ptr owners for the OpenSSL X.509 and CMS objects of the PKI layer, and the certificate facts
// passive authentication needs (names, keys, dates).
#pragma once

#include "core/bytes.hpp"
#include "crypto/openssl_handles.hpp"

#include <openssl/cms.h>
#include <openssl/x509.h>

#include <ctime>
#include <optional>
#include <string>

namespace cccd::pki {

using X509Ptr = std::unique_ptr<X509, crypto::OpenSslDeleter<X509, X509_free>>;
using CrlPtr = std::unique_ptr<X509_CRL, crypto::OpenSslDeleter<X509_CRL, X509_CRL_free>>;
using CmsPtr = std::unique_ptr<CMS_ContentInfo, crypto::OpenSslDeleter<CMS_ContentInfo, CMS_ContentInfo_free>>;
using BioPtr = std::unique_ptr<BIO, crypto::OpenSslDeleter<BIO, BIO_free_all>>;

/** A certificate's subject as one line ("C=VN, O=…, CN=…"). */
std::string subjectOf(const X509* cert);
/** A name as one line. */
std::string nameText(const X509_NAME* name);
/** SHA-256 of the certificate's DER, lower-case hex. */
std::string fingerprintOf(const X509* cert);
/** True if issuer's key verifies cert's signature. Works for keys with explicit EC parameters, which
 *  OpenSSL's chain building refuses (X509 error 94): this is a signature check only. */
bool signedBy(const X509* cert, const X509* issuer);
/** Two names hold the same attributes with the same values, in any order and any string type, case and
 *  spacing of printable text aside (RFC 5280 §7.1): issuers encode names differently in the SOD and the certificate. */
bool sameName(const X509_NAME* a, const X509_NAME* b);
/** cert's issuer name equals candidate's subject (by content). */
bool namesIssuer(const X509* cert, const X509* candidate);
/** cert's authority key identifier, when present, equals candidate's subject key identifier, when present. */
bool keyIdentifiersAgree(const X509* cert, const X509* candidate);
/** The country (C=) of a name, upper case; empty if it has none. */
std::string countryOf(const X509_NAME* name);
/** A certificate that may sign certificates: keyUsage keyCertSign, or basicConstraints CA:TRUE when it has no keyUsage.
 *  keyUsage decides when present: real CSCA link certificates (TR, LU, IT, PT, CM in the German master list) say
 *  CA:FALSE or omit basicConstraints, yet carry keyCertSign; a Document Signer carries digitalSignature only. */
bool isCaCertificate(X509* cert);
/** CMS from DER/BER bytes; throws ParseError naming context. */
CmsPtr parseCms(ByteView der, const std::string& context);

/** Seconds since the epoch of an ASN.1 time; nothing if it does not convert. */
std::optional<std::time_t> toTime(const ASN1_TIME* time);
/** "2024-01-31" (UTC). */
std::string isoDate(std::time_t t);
/** "2024-01-31T08:00:00Z". */
std::string isoDateTime(std::time_t t);

} // namespace cccd::pki
