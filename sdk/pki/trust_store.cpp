#include "cccd/error.hpp"
#include "core/file_io.hpp"
#include "core/asn1.hpp"
#include "core/log.hpp"
#include "core/tlv.hpp"
#include "pki/trust_store_impl.hpp"

#include <openssl/err.h>
#include <openssl/pem.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>

namespace cccd {

namespace {
const std::string masterListType = "2.23.136.1.1.2";

bool isPem(const Bytes& b) { return b.size() > 10 && std::string(b.begin(), b.begin() + 10) == "-----BEGIN"; }

// CscaMasterList ::= SEQUENCE { version INTEGER, certList SET OF Certificate }
std::vector<pki::X509Ptr> masterListCertificates(ByteView content, const std::string& path)
{
    TlvReader top(content, path);
    Tlv list = top.expect(asn1::SEQUENCE);
    TlvReader items = top.children(list);
    items.expect(asn1::INTEGER);
    Tlv set = items.expect(asn1::SET);
    TlvReader certs = items.children(set);
    std::vector<pki::X509Ptr> out;
    while (!certs.atEnd()) {
        Tlv c = certs.next();
        const unsigned char* p = c.encoded.data();
        pki::X509Ptr cert(d2i_X509(nullptr, &p, static_cast<long>(c.encoded.size())));
        if (cert) out.push_back(std::move(cert));
    }
    ERR_clear_error();
    return out;
}

// A master list is trusted only if its signature verifies and its signer chains to a CSCA in the list or store.
std::vector<pki::X509Ptr> loadMasterList(CMS_ContentInfo* cms, const std::string& path, const TrustStore::Impl& store)
{
    pki::BioPtr content(BIO_new(BIO_s_mem()));
    if (CMS_verify(cms, nullptr, nullptr, nullptr, content.get(), CMS_NO_SIGNER_CERT_VERIFY | CMS_BINARY) != 1) {
        ERR_clear_error();
        throw Error(ErrorKind::MalformedData, "trust: the master list " + path + " has an invalid signature");
    }
    char* data = nullptr;
    long n = BIO_get_mem_data(content.get(), &data);
    std::vector<pki::X509Ptr> certs = masterListCertificates(ByteView(reinterpret_cast<std::uint8_t*>(data), static_cast<std::size_t>(n)), path);
    STACK_OF(X509)* signers = CMS_get0_signers(cms);
    bool chained = false;
    for (int i = 0; signers && i < sk_X509_num(signers) && !chained; ++i) {
        X509* signer = sk_X509_value(signers, i);
        for (const auto& c : certs) chained = chained || (pki::namesIssuer(signer, c.get()) && pki::signedBy(signer, c.get()));
        for (const auto& c : store.certificates) chained = chained || (pki::namesIssuer(signer, c.get()) && pki::signedBy(signer, c.get()));
    }
    sk_X509_free(signers);
    if (!chained) throw Error(ErrorKind::MalformedData, "trust: the signer of master list " + path + " does not chain to a CSCA it contains");
    return certs;
}
} // namespace

TrustStore::TrustStore() : impl_(std::make_unique<Impl>()) {}
TrustStore::~TrustStore() = default;
TrustStore::TrustStore(TrustStore&&) noexcept = default;
TrustStore& TrustStore::operator=(TrustStore&&) noexcept = default;

std::size_t TrustStore::add(const std::string& path)
{
    if (std::filesystem::is_directory(path)) {
        std::size_t added = 0;
        for (const auto& entry : std::filesystem::directory_iterator(path)) {
            if (entry.is_regular_file()) added += add(entry.path().string());
        }
        return added;
    }
    Bytes bytes = readFileBytes(path);
    std::size_t before = impl_->certificates.size();
    pki::BioPtr bio(BIO_new_mem_buf(bytes.data(), static_cast<int>(bytes.size())));
    if (isPem(bytes)) {
        std::string text(bytes.begin(), bytes.end());
        if (text.find("BEGIN X509 CRL") != std::string::npos) {
            while (X509_CRL* crl = PEM_read_bio_X509_CRL(bio.get(), nullptr, nullptr, nullptr)) impl_->crls.emplace_back(crl);
        } else {
            while (X509* cert = PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr)) impl_->certificates.emplace_back(cert);
        }
        ERR_clear_error();
        if (impl_->certificates.size() == before && text.find("BEGIN X509 CRL") == std::string::npos) {
            throw Error(ErrorKind::MalformedData, "trust: no certificate in " + path);
        }
        return impl_->certificates.size() - before;
    }
    const unsigned char* p = bytes.data();
    if (X509* cert = d2i_X509(nullptr, &p, static_cast<long>(bytes.size()))) {
        impl_->certificates.emplace_back(cert);
        return 1;
    }
    p = bytes.data();
    if (X509_CRL* crl = d2i_X509_CRL(nullptr, &p, static_cast<long>(bytes.size()))) {
        impl_->crls.emplace_back(crl);
        return 0;
    }
    ERR_clear_error();
    pki::CmsPtr cms = pki::parseCms(bytes, path);
    char oid[128];
    OBJ_obj2txt(oid, sizeof oid, CMS_get0_eContentType(cms.get()), 1);
    if (oid != masterListType) throw Error(ErrorKind::MalformedData, "trust: " + path + " is neither a certificate, a CRL nor a CSCA master list");
    for (auto& cert : loadMasterList(cms.get(), path, *impl_)) impl_->certificates.push_back(std::move(cert));
    return impl_->certificates.size() - before;
}

std::string TrustStore::defaultLocation()
{
    const char* xdg = std::getenv("XDG_DATA_HOME");
    if (xdg && *xdg) return std::string(xdg) + "/cccd/trust";
    const char* home = std::getenv("HOME");
    return std::string(home ? home : ".") + "/.local/share/cccd/trust";
}

void TrustStore::addDefaultLocation()
{
    std::string location = defaultLocation();
    if (std::filesystem::is_directory(location)) add(location);
}

std::size_t TrustStore::certificateCount() const noexcept { return impl_->certificates.size(); }
std::size_t TrustStore::crlCount() const noexcept { return impl_->crls.size(); }

std::size_t TrustStore::countryCount() const
{
    std::set<std::string> countries;
    for (const auto& cert : impl_->certificates) {
        X509_NAME* name = X509_get_subject_name(cert.get());
        int i = X509_NAME_get_index_by_NID(name, NID_countryName, -1);
        if (i < 0) continue;
        const ASN1_STRING* c = X509_NAME_ENTRY_get_data(X509_NAME_get_entry(name, i));
        countries.emplace(reinterpret_cast<const char*>(ASN1_STRING_get0_data(c)), static_cast<std::size_t>(ASN1_STRING_length(c)));
    }
    return countries.size();
}

} // namespace cccd
