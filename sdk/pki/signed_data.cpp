#include "pki/signed_data.hpp"

#include "lds/sod.hpp"

#include <openssl/err.h>
#include <openssl/objects.h>

#include <algorithm>
#include <cctype>

namespace cccd::pki {

namespace {
void freeCertificates(STACK_OF(X509) * certs) { sk_X509_pop_free(certs, X509_free); }
using CertStack = std::unique_ptr<STACK_OF(X509), crypto::OpenSslDeleter<STACK_OF(X509), freeCertificates>>;

bool identifies(CMS_SignerInfo* si, X509* cert)
{
    ASN1_OCTET_STRING* keyId = nullptr;
    X509_NAME* issuer = nullptr;
    ASN1_INTEGER* serial = nullptr;
    if (CMS_SignerInfo_get0_signer_id(si, &keyId, &issuer, &serial) != 1) return false;
    if (keyId) {
        const ASN1_OCTET_STRING* ski = X509_get0_subject_key_id(cert);
        return ski && ASN1_OCTET_STRING_cmp(keyId, ski) == 0;
    }
    return issuer && serial && ASN1_INTEGER_cmp(serial, X509_get0_serialNumber(cert)) == 0 && sameName(issuer, X509_get_issuer_name(cert));
}

std::optional<std::time_t> signingTimeOf(CMS_SignerInfo* si)
{
    int index = CMS_signed_get_attr_by_NID(si, NID_pkcs9_signingTime, -1);
    if (index < 0) return std::nullopt;
    ASN1_TYPE* value = X509_ATTRIBUTE_get0_type(CMS_signed_get_attr(si, index), 0);
    if (!value || (value->type != V_ASN1_UTCTIME && value->type != V_ASN1_GENERALIZEDTIME)) return std::nullopt;
    return toTime(value->value.utctime);
}

std::string oidOf(const X509_ALGOR* a, bool numeric)
{
    const ASN1_OBJECT* oid = nullptr;
    X509_ALGOR_get0(&oid, nullptr, nullptr, a);
    char text[80];
    OBJ_obj2txt(text, sizeof text, oid, numeric ? 1 : 0);
    return text;
}

// "ecdsa-with-SHA256" names its digest; "rsaEncryption" and "rsassaPss" do not: then " with SHA-256" is added.
std::string algorithmName(CMS_SignerInfo* si)
{
    X509_ALGOR* digest = nullptr;
    X509_ALGOR* signature = nullptr;
    CMS_SignerInfo_get0_algs(si, nullptr, nullptr, &digest, &signature);
    std::string sig = signature ? oidOf(signature, false) : "unknown";
    std::optional<crypto::HashAlgorithm> md = digest ? lds::hashAlgorithmFor(oidOf(digest, true)) : std::nullopt;
    if (!md) return sig;
    std::string mdName = lds::hashAlgorithmName(*md);
    std::string compact = mdName;
    compact.erase(std::remove(compact.begin(), compact.end(), '-'), compact.end()); // "SHA256" in "ecdsa-with-SHA256"
    std::string upper = sig;
    std::transform(upper.begin(), upper.end(), upper.begin(), [](char c) { return static_cast<char>(std::toupper(static_cast<unsigned char>(c))); });
    if (upper.find(compact) != std::string::npos || upper.find(mdName) != std::string::npos) return sig;
    return sig + " with " + mdName;
}
} // namespace

SignatureCheck checkSignedData(CMS_ContentInfo* cms)
{
    SignatureCheck check;
    STACK_OF(CMS_SignerInfo)* infos = CMS_get0_SignerInfos(cms);
    int signers = infos ? sk_CMS_SignerInfo_num(infos) : 0;
    if (signers != 1) {
        check.outcome = signers == 0 ? SignatureCheck::Outcome::BadSignature : SignatureCheck::Outcome::Unsupported;
        check.reason = signers == 0 ? "the signature has no signer" : "the signature has " + std::to_string(signers) + " signers; the SDK checks documents with one";
        return check;
    }
    CMS_SignerInfo* si = sk_CMS_SignerInfo_value(infos, 0);
    check.signatureAlgorithm = algorithmName(si);
    check.signingTime = signingTimeOf(si);

    CertStack certs(CMS_get1_certs(cms));
    int count = certs ? sk_X509_num(certs.get()) : 0;
    for (int i = 0; i < count && !check.signer; ++i) {
        if (identifies(si, sk_X509_value(certs.get(), i))) check.signer.reset(X509_dup(sk_X509_value(certs.get(), i)));
    }
    if (!check.signer && count == 1) { // the identifier is not signed: the only certificate is the candidate
        check.signer.reset(X509_dup(sk_X509_value(certs.get(), 0)));
        check.note = "the signer identifier does not name the only certificate in the set; that certificate was used";
    }
    ERR_clear_error();
    if (!check.signer) {
        check.reason = count == 0 ? "signer certificate not found: the signature carries no certificate"
                                  : "signer certificate not found among the " + std::to_string(count) + " certificates of the signature";
        return check;
    }
    CMS_SignerInfo_set1_signer_cert(si, check.signer.get());
    bool ok = CMS_verify(cms, nullptr, nullptr, nullptr, nullptr, CMS_NO_SIGNER_CERT_VERIFY | CMS_BINARY) == 1;
    ERR_clear_error();
    check.outcome = ok ? SignatureCheck::Outcome::Verified : SignatureCheck::Outcome::BadSignature;
    if (!ok) check.reason = "the signature does not verify with its signer's certificate";
    return check;
}

} // namespace cccd::pki
