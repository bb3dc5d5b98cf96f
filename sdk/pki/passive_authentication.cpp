#include "pki/passive_authentication.hpp"

#include "cccd/error.hpp"
#include "lds/sod.hpp"
#include "pki/trust_store_impl.hpp"

#include <openssl/err.h>

#include <optional>

namespace cccd::pki {

namespace {
std::optional<std::time_t> signingTime(CMS_ContentInfo* cms)
{
    STACK_OF(CMS_SignerInfo)* infos = CMS_get0_SignerInfos(cms);
    if (!infos || sk_CMS_SignerInfo_num(infos) < 1) return std::nullopt;
    CMS_SignerInfo* si = sk_CMS_SignerInfo_value(infos, 0);
    int index = CMS_signed_get_attr_by_NID(si, NID_pkcs9_signingTime, -1);
    if (index < 0) return std::nullopt;
    ASN1_TYPE* value = X509_ATTRIBUTE_get0_type(CMS_signed_get_attr(si, index), 0);
    if (!value || (value->type != V_ASN1_UTCTIME && value->type != V_ASN1_GENERALIZEDTIME)) return std::nullopt;
    std::tm tm{};
    if (ASN1_TIME_to_tm(value->value.utctime, &tm) != 1) return std::nullopt;
    return timegm(&tm);
}

bool validAt(const X509* cert, std::time_t t)
{
    return X509_cmp_time(X509_get0_notBefore(cert), &t) < 0 && X509_cmp_time(X509_get0_notAfter(cert), &t) > 0;
}

// The Document Signer: the signer's certificate from the SOD's certificate set.
X509Ptr documentSigner(CMS_ContentInfo* cms)
{
    STACK_OF(X509)* certs = CMS_get1_certs(cms);
    X509Ptr found;
    STACK_OF(CMS_SignerInfo)* infos = CMS_get0_SignerInfos(cms);
    for (int i = 0; certs && infos && i < sk_X509_num(certs) && !found; ++i) {
        if (CMS_SignerInfo_cert_cmp(sk_CMS_SignerInfo_value(infos, 0), sk_X509_value(certs, i)) == 0) {
            found.reset(X509_dup(sk_X509_value(certs, i)));
        }
    }
    sk_X509_pop_free(certs, X509_free);
    return found;
}

bool revoked(const TrustStore::Impl& trust, X509* ds)
{
    for (const auto& crl : trust.crls) {
        X509_REVOKED* entry = nullptr;
        if (X509_NAME_cmp(X509_CRL_get_issuer(crl.get()), X509_get_issuer_name(ds)) == 0 && X509_CRL_get0_by_cert(crl.get(), &entry, ds) == 1) {
            return true;
        }
    }
    return false;
}

PassiveAuthenticationResult failed(PassiveAuthenticationResult r, std::string reason)
{
    r.status = CheckStatus::Failed;
    r.reason = std::move(reason);
    return r;
}
} // namespace

PassiveAuthenticationResult verifyPassive(const std::map<std::string, Bytes>& files, const TrustStore& trust, std::time_t now)
{
    PassiveAuthenticationResult r;
    auto sodFile = files.find("SOD");
    if (sodFile == files.end()) return failed(r, "the document has no EF.SOD");
    lds::SecurityObject sod;
    try {
        sod = lds::parseSod(sodFile->second);
    } catch (const Error& e) {
        return failed(r, std::string("EF.SOD does not parse: ") + e.what());
    }
    if (!sod.hashAlgorithm) return failed(r, "EF.SOD uses an unknown hash algorithm (" + sod.hashAlgorithmOid + ")");

    std::string altered;
    for (const auto& [name, content] : files) {
        if (name.rfind("DG", 0) != 0) continue;
        int dg = std::stoi(name.substr(2));
        auto listed = sod.dataGroupHashes.find(dg);
        if (listed == sod.dataGroupHashes.end()) {
            r.dataGroups[name] = "NOT_IN_SOD";
        } else if (crypto::hash(*sod.hashAlgorithm, content) == listed->second) {
            r.dataGroups[name] = "PASSED";
        } else {
            r.dataGroups[name] = "FAILED";
            altered += (altered.empty() ? "" : ", ") + name;
        }
    }

    CmsPtr cms = parseCms(sod.signedData, "EF.SOD");
    X509Ptr ds = documentSigner(cms.get());
    if (ds) r.documentSigner = subjectOf(ds.get());
    BioPtr content(BIO_new(BIO_s_mem()));
    bool signatureOk = CMS_verify(cms.get(), nullptr, nullptr, nullptr, content.get(), CMS_NO_SIGNER_CERT_VERIFY | CMS_BINARY) == 1;
    ERR_clear_error();
    if (!altered.empty()) return failed(r, "the data of " + altered + " does not match the SOD: it was altered");
    if (!signatureOk || !ds) return failed(r, "the SOD signature does not verify with its Document Signer certificate");

    const X509* csca = nullptr;
    for (const auto& anchor : trust.impl().certificates) {
        if (namesIssuer(ds.get(), anchor.get()) && signedBy(ds.get(), anchor.get())) {
            csca = anchor.get();
            break;
        }
    }
    if (!csca) {
        r.unknownCsca = true;
        return failed(r, "unknown CSCA: no trusted CSCA issued the Document Signer certificate");
    }
    r.csca = subjectOf(csca);
    std::time_t signedAt = signingTime(cms.get()).value_or(now);
    if (!validAt(ds.get(), signedAt)) return failed(r, "the Document Signer certificate was not valid when the SOD was signed");
    if (!validAt(csca, signedAt)) return failed(r, "the CSCA certificate was not valid when the SOD was signed");
    if (revoked(trust.impl(), ds.get())) return failed(r, "the Document Signer certificate is revoked (CRL)");
    r.status = CheckStatus::Passed;
    r.reason = "the data of every listed data group matches the SOD, signed by a Document Signer of a trusted CSCA";
    if (!validAt(ds.get(), now)) r.reason += " (the Document Signer certificate has expired since, as is normal for older cards)";
    return r;
}

} // namespace cccd::pki
