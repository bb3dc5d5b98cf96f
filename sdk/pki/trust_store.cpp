#include "cccd/error.hpp"
#include "core/asn1.hpp"
#include "core/file_io.hpp"
#include "core/tlv.hpp"
#include "pki/trust_store_impl.hpp"

#include <openssl/err.h>
#include <openssl/pem.h>

#include <cstdlib>
#include <algorithm>
#include <filesystem>
#include <set>

namespace cccd {

namespace {
const std::string masterListType = "2.23.136.1.1.2";
// The largest master lists and CRLs are a few MiB; more is not trust material, and is never read into memory.
constexpr std::size_t maxTrustFileBytes = 32u << 20;

void freeInfos(STACK_OF(X509_INFO) * infos) { sk_X509_INFO_pop_free(infos, X509_INFO_free); }
using InfoStack = std::unique_ptr<STACK_OF(X509_INFO), crypto::OpenSslDeleter<STACK_OF(X509_INFO), freeInfos>>;

bool isPem(const Bytes& b) { return b.size() > 10 && std::string(b.begin(), b.begin() + 10) == "-----BEGIN"; }

// A file that cannot serve as trust is a setup problem (exit 2 in the CLI), never a card problem.
[[noreturn]] void refuse(const std::string& message) { throw Error(ErrorKind::InvalidArgument, "trust: " + message); }

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

class Loader {
public:
    Loader(TrustStore::Impl& store, std::string path) : store_(store) { source_.path = std::move(path); }

    void certificate(pki::X509Ptr cert)
    {
        ++found_;
        if (!pki::isCaCertificate(cert.get())) {
            ++source_.skipped;
            refusedSubject_ = pki::subjectOf(cert.get());
            return;
        }
        for (const auto& held : store_.certificates) {
            if (X509_cmp(held.get(), cert.get()) == 0) return;
        }
        store_.certificates.push_back(std::move(cert));
        ++source_.certificates;
    }

    void crl(pki::CrlPtr crl)
    {
        store_.crls.push_back(std::move(crl));
        ++source_.crls;
    }

    void pem(const Bytes& bytes)
    {
        source_.kind = "PEM bundle";
        pki::BioPtr bio(BIO_new_mem_buf(bytes.data(), static_cast<int>(bytes.size())));
        InfoStack infos(PEM_X509_INFO_read_bio(bio.get(), nullptr, nullptr, nullptr));
        ERR_clear_error();
        for (int i = 0; infos && i < sk_X509_INFO_num(infos.get()); ++i) {
            X509_INFO* info = sk_X509_INFO_value(infos.get(), i);
            if (info->x509) certificate(pki::X509Ptr(X509_dup(info->x509)));
            if (info->crl) crl(pki::CrlPtr(X509_CRL_dup(info->crl)));
        }
        if (found_ + source_.crls == 0) refuse("no certificate or CRL in " + source_.path);
    }

    void der(const Bytes& bytes)
    {
        const unsigned char* p = bytes.data();
        if (X509* cert = d2i_X509(nullptr, &p, static_cast<long>(bytes.size()))) {
            source_.kind = "certificate";
            return certificate(pki::X509Ptr(cert));
        }
        p = bytes.data();
        if (X509_CRL* list = d2i_X509_CRL(nullptr, &p, static_cast<long>(bytes.size()))) {
            source_.kind = "CRL";
            return crl(pki::CrlPtr(list));
        }
        ERR_clear_error();
        try {
            masterList(bytes);
        } catch (const ParseError& e) {
            refuse(source_.path + " is neither a certificate, a CRL nor a CSCA master list (" + e.what() + ")");
        }
    }

    TrustSource finish()
    {
        if (source_.certificates + source_.crls == 0 && source_.skipped > 0) {
            refuse(source_.path + ": " + refusedSubject_ + " is not a CA certificate; a trust anchor must be a CSCA");
        }
        store_.sources.push_back(source_);
        return source_;
    }

private:
    // A master list is trusted only if its signature verifies and its signer chains to a CSCA in the list or store.
    void masterList(const Bytes& bytes)
    {
        pki::CmsPtr cms = pki::parseCms(bytes, source_.path);
        char oid[128];
        OBJ_obj2txt(oid, sizeof oid, CMS_get0_eContentType(cms.get()), 1);
        if (oid != masterListType) refuse(source_.path + " is neither a certificate, a CRL nor a CSCA master list");
        source_.kind = "master list";
        pki::BioPtr content(BIO_new(BIO_s_mem()));
        if (CMS_verify(cms.get(), nullptr, nullptr, nullptr, content.get(), CMS_NO_SIGNER_CERT_VERIFY | CMS_BINARY) != 1) {
            ERR_clear_error();
            refuse("the master list " + source_.path + " has an invalid signature: it was altered or damaged");
        }
        char* data = nullptr;
        long n = BIO_get_mem_data(content.get(), &data);
        std::vector<pki::X509Ptr> certs =
            masterListCertificates(ByteView(reinterpret_cast<std::uint8_t*>(data), static_cast<std::size_t>(n)), source_.path);
        STACK_OF(X509)* signers = CMS_get0_signers(cms.get());
        X509* signer = signers && sk_X509_num(signers) == 1 ? sk_X509_value(signers, 0) : nullptr;
        bool chained = false;
        auto issues = [signer](const pki::X509Ptr& c) { return pki::namesIssuer(signer, c.get()) && pki::signedBy(signer, c.get()); };
        for (const auto& c : certs) chained = chained || (signer && issues(c));
        for (const auto& c : store_.certificates) chained = chained || (signer && issues(c));
        if (signer) {
            source_.signer = pki::subjectOf(signer);
            source_.signerSha256 = pki::fingerprintOf(signer);
        }
        sk_X509_free(signers);
        if (!chained) refuse("the signer of master list " + source_.path + " does not chain to a CSCA it contains");
        for (auto& cert : certs) certificate(std::move(cert));
    }

    TrustStore::Impl& store_;
    TrustSource source_;
    std::string refusedSubject_;
    std::size_t found_ = 0; ///< certificates seen, duplicates and refused ones included
};
} // namespace

TrustStore::TrustStore() : impl_(std::make_unique<Impl>()) {}
TrustStore::~TrustStore() = default;
TrustStore::TrustStore(TrustStore&&) noexcept = default;
TrustStore& TrustStore::operator=(TrustStore&&) noexcept = default;

std::size_t TrustStore::add(const std::string& path) { return add(path, nullptr); }

std::size_t TrustStore::add(const std::string& path, const AcceptedFile& onAccepted)
{
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) return addFolder(path, onAccepted);
    std::optional<Bytes> bytes;
    try {
        bytes = readFileIfPresent(path, maxTrustFileBytes);
    } catch (const Error& e) {
        refuse(e.what()); // a FIFO, a device, a file too large or unreadable
    }
    if (!bytes) refuse("no such file or folder: " + path);
    Loader loader(*impl_, path);
    if (isPem(*bytes)) {
        loader.pem(*bytes);
    } else {
        loader.der(*bytes);
    }
    std::size_t added = loader.finish().certificates;
    if (onAccepted) onAccepted(path, *bytes);
    return added;
}

// A folder is what `cccd trust import` fills and people drop files into: what is not trust material is skipped, with a
// warning naming it, rather than stopping every read. A folder that cannot be listed is named, not an internal error.
std::size_t TrustStore::addFolder(const std::string& path, const AcceptedFile& onAccepted)
{
    std::vector<std::filesystem::path> entries;
    std::error_code ec;
    for (std::filesystem::directory_iterator it(path, ec), end; !ec && it != end; it.increment(ec)) {
        std::error_code typeError; // a broken link or an entry that cannot be looked at is no trust material
        if (it->is_regular_file(typeError)) entries.push_back(it->path());
    }
    if (ec) refuse("cannot list the folder " + path + ": " + ec.message());
    std::sort(entries.begin(), entries.end()); // the same order on every machine
    std::size_t added = 0;
    for (const auto& file : entries) {
        try {
            added += add(file.string(), onAccepted);
        } catch (const Error& e) {
            impl_->warnings.push_back(std::string(e.what()) + " (skipped)");
        }
    }
    return added;
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
    std::error_code ec; // a home the process may not look into (a service user with root's HOME) has no trust for it
    if (std::filesystem::is_directory(location, ec)) add(location);
}

std::size_t TrustStore::certificateCount() const noexcept { return impl_->certificates.size(); }
std::size_t TrustStore::crlCount() const noexcept { return impl_->crls.size(); }
const std::vector<TrustSource>& TrustStore::sources() const noexcept { return impl_->sources; }
const std::vector<std::string>& TrustStore::warnings() const noexcept { return impl_->warnings; }

std::size_t TrustStore::countryCount() const
{
    std::set<std::string> countries;
    for (const auto& cert : impl_->certificates) {
        std::string c = pki::countryOf(X509_get_subject_name(cert.get()));
        if (!c.empty()) countries.insert(c);
    }
    return countries.size();
}

} // namespace cccd
