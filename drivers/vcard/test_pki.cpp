#include "test_pki.hpp"

#include "cccd/error.hpp"
#include "core/asn1.hpp"
#include "core/tlv.hpp"
#include "crypto/crypto.hpp"

#include <openssl/cms.h>
#include <openssl/pem.h>
#include <openssl/x509v3.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>

namespace cccd::vcard {

namespace {
using Bio = std::unique_ptr<BIO, crypto::OpenSslDeleter<BIO, BIO_free_all>>;
using Cms = std::unique_ptr<CMS_ContentInfo, crypto::OpenSslDeleter<CMS_ContentInfo, CMS_ContentInfo_free>>;
using Name = std::unique_ptr<X509_NAME, crypto::OpenSslDeleter<X509_NAME, X509_NAME_free>>;

constexpr long validFrom = 1388534400;  // 2014-01-01: before the sample citizens' dates of issue
constexpr long validUntil = 2366841600; // 2045-01-01

crypto::PKey generate(const char* type, const char* parameter)
{
    EVP_PKEY* key = std::string(type) == "RSA" ? EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", static_cast<size_t>(2048))
                                              : EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", parameter);
    if (!key) crypto::throwOpenSslError("EVP_PKEY_Q_keygen");
    return crypto::PKey(key);
}

void writeKey(const std::string& path, EVP_PKEY* key)
{
    Bio out(BIO_new_file(path.c_str(), "w"));
    if (!out || PEM_write_bio_PrivateKey(out.get(), key, nullptr, nullptr, 0, nullptr, nullptr) != 1) {
        crypto::throwOpenSslError("writing " + path);
    }
}

void writeCert(const std::string& path, X509* cert)
{
    Bio out(BIO_new_file(path.c_str(), "w"));
    if (!out || PEM_write_bio_X509(out.get(), cert) != 1) crypto::throwOpenSslError("writing " + path);
}

crypto::PKey readKey(const std::string& path)
{
    Bio in(BIO_new_file(path.c_str(), "r"));
    EVP_PKEY* key = in ? PEM_read_bio_PrivateKey(in.get(), nullptr, nullptr, nullptr) : nullptr;
    if (!key) throw Error(ErrorKind::NotFound, "cannot read the test key " + path);
    return crypto::PKey(key);
}

X509Ptr readCert(const std::string& path)
{
    Bio in(BIO_new_file(path.c_str(), "r"));
    X509* cert = in ? PEM_read_bio_X509(in.get(), nullptr, nullptr, nullptr) : nullptr;
    if (!cert) throw Error(ErrorKind::NotFound, "cannot read the test certificate " + path);
    return X509Ptr(cert);
}

void addExtension(X509* cert, X509* issuer, int nid, const char* value)
{
    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, issuer ? issuer : cert, cert, nullptr, nullptr, 0);
    X509_EXTENSION* ext = X509V3_EXT_conf_nid(nullptr, &ctx, nid, value);
    if (!ext) crypto::throwOpenSslError("X509V3_EXT_conf_nid");
    X509_add_ext(cert, ext, -1);
    X509_EXTENSION_free(ext);
}
} // namespace

Bytes publicKeyInfo(EVP_PKEY* key)
{
    int n = i2d_PUBKEY(key, nullptr);
    if (n <= 0) crypto::throwOpenSslError("i2d_PUBKEY");
    Bytes out(static_cast<std::size_t>(n));
    unsigned char* p = out.data();
    i2d_PUBKEY(key, &p);
    return out;
}

X509Ptr issueCertificate(EVP_PKEY* key, const std::string& commonName, EVP_PKEY* issuerKey, X509* issuerCert, bool ca,
                         long notBefore, long notAfter, long serial, const std::string& country)
{
    X509Ptr cert(X509_new());
    X509_set_version(cert.get(), 2);
    ASN1_INTEGER_set(X509_get_serialNumber(cert.get()), serial);
    ASN1_TIME_set(X509_getm_notBefore(cert.get()), notBefore);
    ASN1_TIME_set(X509_getm_notAfter(cert.get()), notAfter);
    X509_set_pubkey(cert.get(), key);
    X509_NAME* name = X509_get_subject_name(cert.get());
    X509_NAME_add_entry_by_txt(name, "C", MBSTRING_ASC, reinterpret_cast<const unsigned char*>(country.c_str()), -1, -1, 0);
    X509_NAME_add_entry_by_txt(name, "O", MBSTRING_ASC, reinterpret_cast<const unsigned char*>("CCCD SDK test PKI"), -1, -1, 0);
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8, reinterpret_cast<const unsigned char*>(commonName.c_str()), -1, -1, 0);
    X509_set_issuer_name(cert.get(), issuerCert ? X509_get_subject_name(issuerCert) : name);
    addExtension(cert.get(), issuerCert, NID_subject_key_identifier, "hash");
    if (ca) {
        addExtension(cert.get(), issuerCert, NID_basic_constraints, "critical,CA:TRUE,pathlen:0");
        addExtension(cert.get(), issuerCert, NID_key_usage, "critical,keyCertSign,cRLSign");
    } else {
        addExtension(cert.get(), issuerCert, NID_authority_key_identifier, "keyid:always");
        addExtension(cert.get(), issuerCert, NID_key_usage, "critical,digitalSignature");
    }
    if (X509_sign(cert.get(), issuerKey ? issuerKey : key, EVP_sha256()) <= 0) crypto::throwOpenSslError("X509_sign");
    return cert;
}

void makePki(const std::string& folder, const std::string& country)
{
    std::filesystem::create_directories(folder);
    crypto::PKey csca = generate("EC", "brainpoolP384r1");
    crypto::PKey ds = generate("EC", "brainpoolP256r1");
    X509Ptr cscaCert = issueCertificate(csca.get(), "CSCA CCCD SDK TEST", nullptr, nullptr, true, validFrom, validUntil, 1, country);
    X509Ptr dsCert = issueCertificate(ds.get(), "DS CCCD SDK TEST", csca.get(), cscaCert.get(), false, validFrom, validUntil, 2, country);
    writeKey(folder + "/csca-key.pem", csca.get());
    writeCert(folder + "/csca.pem", cscaCert.get());
    writeKey(folder + "/ds-key.pem", ds.get());
    writeCert(folder + "/ds.pem", dsCert.get());
    writeKey(folder + "/ca-key.pem", generate("EC", "brainpoolP256r1").get());
    writeKey(folder + "/aa-ecdsa-key.pem", generate("EC", "prime256v1").get());
    writeKey(folder + "/aa-rsa-key.pem", generate("RSA", nullptr).get());
}

TestPki loadPki(const std::string& folder)
{
    TestPki p;
    p.cscaKey = readKey(folder + "/csca-key.pem");
    p.cscaCert = readCert(folder + "/csca.pem");
    p.dsKey = readKey(folder + "/ds-key.pem");
    p.dsCert = readCert(folder + "/ds.pem");
    p.caKey = readKey(folder + "/ca-key.pem");
    p.aaEcdsaKey = readKey(folder + "/aa-ecdsa-key.pem");
    p.aaRsaKey = readKey(folder + "/aa-rsa-key.pem");
    return p;
}

namespace {
const char* const idData = "1.2.840.113549.1.7.1";
const char* const ldsSecurityObject = "2.23.136.1.1.1";
const char* const securityObject = "0.4.0.127.0.7.3.2.1"; // id-SecurityObject (BSI TR-03110-3), EF.CardSecurity
} // namespace

Bytes signContent(const char* contentType, const Bytes& data, EVP_PKEY* signerKey, X509* signerCert, const SodOptions& options)
{
    Bio content(BIO_new_mem_buf(data.data(), static_cast<int>(data.size())));
    Cms cms(CMS_sign(nullptr, nullptr, nullptr, nullptr, CMS_BINARY | CMS_PARTIAL | CMS_NOSMIMECAP));
    if (!cms) crypto::throwOpenSslError("CMS_sign");
    ASN1_OBJECT* type = OBJ_txt2obj(contentType, 1);
    CMS_set1_eContentType(cms.get(), type);
    ASN1_OBJECT_free(type);
    // Without signed attributes OpenSSL adds no signingTime; with them it adds one unless it is already there.
    unsigned int flags = CMS_BINARY | CMS_NOSMIMECAP | CMS_PARTIAL | (options.signingTime ? 0 : CMS_NOATTR);
    CMS_SignerInfo* si = CMS_add1_signer(cms.get(), signerCert, signerKey, EVP_sha256(), flags);
    if (!si) crypto::throwOpenSslError("CMS_add1_signer");
    if (options.signingTime && options.signedAt) {
        ASN1_TIME* when = ASN1_TIME_set(nullptr, *options.signedAt);
        CMS_signed_add1_attr_by_NID(si, NID_pkcs9_signingTime, when->type, when, -1);
        ASN1_TIME_free(when);
    }
    if (CMS_final(cms.get(), content.get(), nullptr, CMS_BINARY) != 1) crypto::throwOpenSslError("CMS_final");
    int n = i2d_CMS_ContentInfo(cms.get(), nullptr);
    Bytes der(static_cast<std::size_t>(n));
    unsigned char* p = der.data();
    i2d_CMS_ContentInfo(cms.get(), &p);
    return der;
}

Bytes signSod(const std::map<int, Bytes>& dataGroups, EVP_PKEY* signerKey, X509* signerCert, const SodOptions& options)
{
    Bytes hashes;
    for (const auto& [number, content] : dataGroups) {
        Bytes entry = encodeTlv(asn1::SEQUENCE, concat({asn1::encodeUnsigned(static_cast<std::uint64_t>(number)),
                                                         encodeTlv(asn1::OCTET_STRING, crypto::hash(crypto::HashAlgorithm::Sha256, content))}));
        bool twice = std::find(options.listedTwice.begin(), options.listedTwice.end(), number) != options.listedTwice.end();
        append(hashes, twice ? concat({entry, entry}) : entry);
    }
    Bytes algorithm = encodeTlv(asn1::SEQUENCE, asn1::encodeOid("2.16.840.1.101.3.4.2.1"));
    Bytes securityObject = encodeTlv(asn1::SEQUENCE, concat({asn1::encodeUnsigned(0), algorithm, encodeTlv(asn1::SEQUENCE, hashes)}));

    return encodeTlv(0x77, signContent(options.idDataContentType ? idData : ldsSecurityObject, securityObject, signerKey, signerCert, options));
}

Bytes signCardSecurity(const Bytes& securityInfos, EVP_PKEY* signerKey, X509* signerCert)
{
    return signContent(securityObject, securityInfos, signerKey, signerCert, {});
}

} // namespace cccd::vcard
