// CRLs: the input as a DER CRL, re-signed by the test CSCA when OpenSSL parses it (so revocation reads its entries,
// dates and extensions rather than stopping at the signature), loaded into a trust store and checked against the
// test Document Signer. Only cccd::Error may come out.
#include "cccd/error.hpp"
#include "cccd/trust_store.hpp"
#include "fuzz_target.hpp"
#include "pki/certificate_chain.hpp"
#include "temp_file.hpp"
#include "test_pki_for_fuzz.hpp"

#include <openssl/err.h>
#include <openssl/x509.h>

#include <ctime>

namespace {
cccd::Bytes der(X509_CRL* crl)
{
    int n = i2d_X509_CRL(crl, nullptr);
    if (n <= 0) return {};
    cccd::Bytes out(static_cast<std::size_t>(n));
    unsigned char* p = out.data();
    i2d_X509_CRL(crl, &p);
    return out;
}

// The CRL as the CSCA would sign it, or the input unchanged if OpenSSL cannot parse or re-sign it.
cccd::Bytes signedByCsca(const std::uint8_t* data, std::size_t size)
{
    const cccd::vcard::TestPki& pki = cccd::fuzz::testPki();
    const unsigned char* p = data;
    X509_CRL* crl = d2i_X509_CRL(nullptr, &p, static_cast<long>(size));
    cccd::Bytes out(data, data + size);
    if (crl && X509_CRL_set_issuer_name(crl, X509_get_subject_name(pki.cscaCert.get())) == 1 &&
        X509_CRL_sign(crl, pki.cscaKey.get(), EVP_sha256()) > 0) {
        out = der(crl);
    }
    X509_CRL_free(crl);
    ERR_clear_error();
    return out;
}
} // namespace

std::vector<std::vector<std::uint8_t>> cccd::fuzz::fuzzSeeds()
{
    // A CRL of the test CSCA revoking the test DS.
    const vcard::TestPki& pki = testPki();
    X509_CRL* crl = X509_CRL_new();
    X509_CRL_set_version(crl, 1);
    X509_CRL_set_issuer_name(crl, X509_get_subject_name(pki.cscaCert.get()));
    ASN1_TIME* now = ASN1_TIME_set(nullptr, 1700000000);
    X509_CRL_set1_lastUpdate(crl, now);
    X509_CRL_set1_nextUpdate(crl, now);
    X509_REVOKED* entry = X509_REVOKED_new();
    X509_REVOKED_set_serialNumber(entry, X509_get_serialNumber(pki.dsCert.get()));
    X509_REVOKED_set_revocationDate(entry, now);
    X509_CRL_add0_revoked(crl, entry);
    X509_CRL_sign(crl, pki.cscaKey.get(), EVP_sha256());
    Bytes seed = der(crl);
    ASN1_TIME_free(now);
    X509_CRL_free(crl);
    return {seed};
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const cccd::vcard::TestPki& pki = cccd::fuzz::testPki();
    cccd::Bytes crl = signedByCsca(data, size);
    const std::string path = cccd::fuzz::writeTempFile(crl.data(), crl.size(), "list.crl");
    try {
        cccd::TrustStore trust;
        trust.add(cccd::fuzz::testCscaPath());
        trust.add(path);
        (void)cccd::pki::checkRevocation(pki.dsCert.get(), pki.cscaCert.get(), trust.impl(), 1800000000);
    } catch (const cccd::Error&) {
    }
    return 0;
}
