// The virtual card's PKI: a test CSCA, a Document Signer, the Chip Authentication key (brainpoolP256r1)
// and the Active Authentication keys. `cccd-vcard make-pki` writes one; drivers/vcard/pki/ holds the
// fixed default (test keys only, never trust them for real documents).
#pragma once

#include "core/bytes.hpp"
#include "crypto/openssl_handles.hpp"

#include <openssl/x509.h>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace cccd::vcard {

using X509Ptr = std::unique_ptr<X509, crypto::OpenSslDeleter<X509, X509_free>>;

struct TestPki {
    crypto::PKey cscaKey, dsKey, caKey, aaEcdsaKey, aaRsaKey;
    X509Ptr cscaCert, dsCert;
};

/** Writes csca.pem, csca-key.pem, ds.pem, ds-key.pem, ca-key.pem, aa-ecdsa-key.pem, aa-rsa-key.pem into folder;
 *  the certificates carry C=country. */
void makePki(const std::string& folder, const std::string& country = "VN");
TestPki loadPki(const std::string& folder);

/** A certificate for key issued by issuer (self-signed when issuer is null), valid between the two UNIX times,
 *  subject C=country, O=CCCD SDK test PKI, CN=commonName. */
X509Ptr issueCertificate(EVP_PKEY* key, const std::string& commonName, EVP_PKEY* issuerKey, X509* issuerCert, bool ca,
                         long notBefore, long notAfter, long serial, const std::string& country = "VN");

/** DER SubjectPublicKeyInfo of a key. */
Bytes publicKeyInfo(EVP_PKEY* key);

/** How an EF.SOD is signed; the defaults are what ICAO 9303-10 asks for. */
struct SodOptions {
    bool idDataContentType = false;      ///< eContentType id-data instead of id-icao-ldsSecurityObject
    bool signingTime = true;             ///< a signingTime signed attribute
    std::optional<long> signedAt;        ///< its value (UNIX time); default now
    std::vector<int> listedTwice;        ///< data groups whose hash entry is repeated (malformed)
};

/** A CMS SignedData (DER ContentInfo) over content of the given type (dotted OID), signed by one signer: the
 *  SOD and EF.CardSecurity below, and master lists in tests. */
Bytes signContent(const char* contentType, const Bytes& data, EVP_PKEY* signerKey, X509* signerCert, const SodOptions& options = {});
/** EF.SOD: 77 { CMS SignedData over the LDSSecurityObject (SHA-256 of each data group) }. */
Bytes signSod(const std::map<int, Bytes>& dataGroups, EVP_PKEY* signerKey, X509* signerCert, const SodOptions& options = {});

/** EF.CardSecurity: CMS SignedData over SecurityInfos (id-SecurityObject), no wrapper. */
Bytes signCardSecurity(const Bytes& securityInfos, EVP_PKEY* signerKey, X509* signerCert);

} // namespace cccd::vcard
