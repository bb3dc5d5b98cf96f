#include "pki/card_security.hpp"

#include "cccd/error.hpp"
#include "pki/certificate_chain.hpp"
#include "pki/signed_data.hpp"

namespace cccd::pki {

namespace {
const std::string securityObjectOid = "0.4.0.127.0.7.3.2.1"; // id-SecurityObject (BSI TR-03110-3)

CheckResult result(CheckStatus s, std::string reason) { return CheckResult{s, "EF.CardSecurity: " + std::move(reason)}; }
} // namespace

CheckResult verifyCardSecurity(ByteView file, const TrustStore& trust, std::time_t at)
{
    CmsPtr cms;
    try {
        cms = parseCms(file, "EF.CardSecurity");
    } catch (const Error& e) {
        return result(CheckStatus::Failed, std::string("does not parse: ") + e.what());
    }
    char oid[128];
    OBJ_obj2txt(oid, sizeof oid, CMS_get0_eContentType(cms.get()), 1);
    if (oid != securityObjectOid) return result(CheckStatus::Failed, std::string("its content is not a security object (") + oid + ")");
    SignatureCheck signature = checkSignedData(cms.get());
    if (signature.outcome == SignatureCheck::Outcome::BadSignature) return result(CheckStatus::Failed, signature.reason);
    if (signature.outcome != SignatureCheck::Outcome::Verified) return result(CheckStatus::NotChecked, signature.reason);
    CscaMatch match = findCsca(signature.signer.get(), trust.impl());
    if (match.outcome == CscaMatch::Outcome::Forged) return result(CheckStatus::Failed, match.reason);
    if (match.outcome == CscaMatch::Outcome::UnknownCsca) return result(CheckStatus::NotChecked, match.reason);
    Revocation revocation = checkRevocation(signature.signer.get(), match.csca, trust.impl(), at);
    if (revocation.revoked) return result(CheckStatus::Failed, revocation.reason);
    return result(CheckStatus::Passed, "signed by a Document Signer of the trusted CSCA \"" + subjectOf(match.csca) + "\"");
}

} // namespace cccd::pki
