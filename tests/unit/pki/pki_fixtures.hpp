// Shared by the PKI tests: the virtual card's files and PKI, crafted certificates and SODs, temporary files.
#pragma once

#include "card_image.hpp"
#include "cccd/trust_store.hpp"
#include "core/bytes.hpp"
#include "pki/openssl_pki.hpp"
#include "pki/passive_authentication.hpp"
#include "test_data.hpp"
#include "test_pki.hpp"

#include <catch2/catch.hpp>
#include <openssl/pem.h>

#include <cstdio>
#include <ctime>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <unistd.h>

namespace cccd::test {

inline std::string vcardDir() { return std::string(CCCD_SOURCE_DIR) + "/drivers/vcard"; }

inline std::map<std::string, Bytes> cardFiles(const vcard::Faults& faults = {})
{
    vcard::CardImage card = vcard::personalize(vcard::loadProfile(vcardDir() + "/profiles/nguyen-van-an.json"), faults, vcardDir() + "/pki");
    std::map<std::string, Bytes> files{{"SOD", card.files.at(0x011D)}};
    for (int dg : {1, 2, 13, 14, 15}) files["DG" + std::to_string(dg)] = card.files.at(static_cast<std::uint16_t>(0x0100 + dg));
    return files;
}

inline TrustStore testCsca()
{
    TrustStore trust;
    CHECK(trust.add(vcardDir() + "/pki/csca.pem") == 1);
    return trust;
}

inline Bytes sample(const std::string& p) { return readData("vectors/lds-samples/" + p); }

/** Passive authentication of files showing DG1 and DG13 (a CCCD read without the face). */
inline PassiveAuthenticationResult passive(const std::map<std::string, Bytes>& files, const TrustStore& trust, std::set<int> shown = {1, 13},
                                           std::set<int> withheld = {}, std::time_t at = std::time(nullptr),
                                           std::optional<std::time_t> dateOfIssue = std::nullopt)
{
    pki::PassiveInput input{files, std::move(shown), std::move(withheld), at, dateOfIssue};
    return pki::verifyPassive(input, trust).result;
}

/** A file in the test's temporary folder, removed with the object. */
class TempFile {
public:
    explicit TempFile(const std::string& name) : path_("/tmp/cccd-test-" + std::to_string(::getpid()) + "-" + name) {}
    ~TempFile() { std::remove(path_.c_str()); }
    TempFile(const TempFile&) = delete;
    TempFile& operator=(const TempFile&) = delete;
    const std::string& path() const { return path_; }
    void write(const Bytes& bytes) const
    {
        std::ofstream(path_, std::ios::binary).write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
    }
    void writePem(const std::vector<const X509*>& certs, const std::vector<const X509_CRL*>& crls = {}) const
    {
        FILE* f = std::fopen(path_.c_str(), "w");
        for (const X509* c : certs) PEM_write_X509(f, const_cast<X509*>(c));
        for (const X509_CRL* c : crls) PEM_write_X509_CRL(f, const_cast<X509_CRL*>(c));
        std::fclose(f);
    }

private:
    std::string path_;
};

/** A CRL issued by issuerName, signed with key, valid from lastUpdate to nextUpdate, revoking the given serials. */
inline pki::CrlPtr makeCrl(const X509* issuerName, EVP_PKEY* key, long lastUpdate, long nextUpdate, const std::vector<const X509*>& revoked)
{
    pki::CrlPtr crl(X509_CRL_new());
    X509_CRL_set_version(crl.get(), 1);
    X509_CRL_set_issuer_name(crl.get(), X509_get_subject_name(issuerName));
    ASN1_TIME* last = ASN1_TIME_set(nullptr, lastUpdate);
    ASN1_TIME* next = ASN1_TIME_set(nullptr, nextUpdate);
    X509_CRL_set1_lastUpdate(crl.get(), last);
    X509_CRL_set1_nextUpdate(crl.get(), next);
    for (const X509* cert : revoked) {
        X509_REVOKED* entry = X509_REVOKED_new();
        X509_REVOKED_set_serialNumber(entry, const_cast<ASN1_INTEGER*>(X509_get0_serialNumber(cert)));
        X509_REVOKED_set_revocationDate(entry, last);
        X509_CRL_add0_revoked(crl.get(), entry);
    }
    X509_CRL_sign(crl.get(), key, EVP_sha256());
    ASN1_TIME_free(last);
    ASN1_TIME_free(next);
    return crl;
}

inline crypto::PKey ecKey(const char* curve = "prime256v1") { return crypto::PKey(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", curve)); }

inline constexpr long year2020 = 1577836800, year2021 = 1609459200, year2024 = 1704067200, year2045 = 2366841600;

} // namespace cccd::test
