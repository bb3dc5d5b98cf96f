#include "pki/certificate_chain.hpp"

#include <openssl/err.h>
#include <openssl/x509v3.h>

namespace cccd::pki {

namespace {
std::string keyIdText(const ASN1_OCTET_STRING* id)
{
    static const char* digits = "0123456789ABCDEF";
    std::string out;
    for (int i = 0; id && i < ASN1_STRING_length(id); ++i) {
        unsigned char b = ASN1_STRING_get0_data(id)[i];
        out += digits[b >> 4];
        out += digits[b & 0x0F];
    }
    return out;
}

bool before(const ASN1_TIME* time, std::time_t at)
{
    std::time_t t = at;
    return time && X509_cmp_time(time, &t) < 0;
}
} // namespace

CscaMatch findCsca(const X509* ds, const TrustStore::Impl& trust, std::optional<std::time_t> when)
{
    CscaMatch m;
    bool sameKeyNamed = false;
    bool nameKnown = false;
    for (const auto& anchor : trust.certificates) {
        if (!namesIssuer(ds, anchor.get())) continue;
        nameKnown = true;
        if (signedBy(ds, anchor.get())) {
            bool validThen = when && !before(X509_get0_notAfter(anchor.get()), *when) && before(X509_get0_notBefore(anchor.get()), *when + 1);
            if (!m.csca || validThen) m.csca = anchor.get();
            if (validThen) break;
            continue;
        }
        sameKeyNamed = sameKeyNamed || keyIdentifiersAgree(ds, anchor.get());
    }
    if (m.csca) {
        m.outcome = CscaMatch::Outcome::Trusted;
        return m;
    }
    std::string issuer = nameText(X509_get_issuer_name(ds));
    if (sameKeyNamed) {
        m.outcome = CscaMatch::Outcome::Forged;
        m.reason = "the Document Signer certificate names the trusted CSCA \"" + issuer + "\" as its issuer, but that CSCA did not sign it: forged";
    } else if (nameKnown) {
        m.reason = "unknown CSCA: the Document Signer was issued by a key of \"" + issuer + "\" that is not trusted (key identifier " +
                   keyIdText(X509_get0_authority_key_id(const_cast<X509*>(ds))) + "); import that CSCA or a newer master list";
    } else {
        m.reason = "unknown CSCA: no trusted CSCA issued the Document Signer certificate (issuer \"" + issuer + "\")";
    }
    return m;
}

Revocation checkRevocation(const X509* ds, const X509* csca, const TrustStore::Impl& trust, std::time_t at)
{
    Revocation r;
    std::string cscaName = subjectOf(csca);
    bool current = false, stale = false;
    for (const auto& crl : trust.crls) {
        if (!sameName(X509_CRL_get_issuer(crl.get()), X509_get_subject_name(csca))) continue;
        EVP_PKEY* key = X509_get0_pubkey(csca);
        bool authentic = key && X509_CRL_verify(crl.get(), key) == 1;
        ERR_clear_error();
        if (!authentic) {
            r.notes.push_back("a CRL naming \"" + cscaName + "\" is not signed by it and was ignored");
            continue;
        }
        X509_REVOKED* entry = nullptr;
        if (X509_CRL_get0_by_cert(crl.get(), &entry, const_cast<X509*>(ds)) == 1 && before(X509_REVOKED_get0_revocationDate(entry), at + 1)) {
            r.revoked = true;
            r.reason = "the Document Signer certificate is revoked by the CRL of its CSCA";
        }
        const ASN1_TIME* next = X509_CRL_get0_nextUpdate(crl.get());
        bool fresh = before(X509_CRL_get0_lastUpdate(crl.get()), at + 1) && (!next || !before(next, at));
        current = current || fresh;
        stale = stale || !fresh;
    }
    if (!current) {
        r.notes.push_back(stale ? "the CRL of \"" + cscaName + "\" is out of date: revocation could not be checked"
                                : "no CRL of \"" + cscaName + "\" was given: revocation was not checked");
    }
    return r;
}

} // namespace cccd::pki
