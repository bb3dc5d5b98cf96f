#include "pki/passive_authentication.hpp"

#include "cccd/error.hpp"
#include "lds/sod.hpp"
#include "pki/certificate_chain.hpp"
#include "pki/signed_data.hpp"
#include "pki/trust_store_impl.hpp"

namespace cccd::pki {

namespace {
constexpr std::time_t day = 24 * 3600;
constexpr std::time_t personalisationMargin = 31 * day; // a card is personalised up to weeks before its date of issue

std::string list(const std::vector<std::string>& names)
{
    std::string out;
    for (const std::string& n : names) out += (out.empty() ? "" : ", ") + n;
    return out;
}

std::string dgName(int dg) { return "DG" + std::to_string(dg); }

class Verification {
public:
    Verification(const PassiveInput& input, const TrustStore& trust) : in_(input), trust_(trust.impl()) {}

    PassiveOutcome run()
    {
        auto sod = in_.files.find("SOD");
        if (sod == in_.files.end()) return failed("the chip gave no EF.SOD: its data cannot be vouched for");
        try {
            sod_ = lds::parseSod(sod->second);
        } catch (const Error& e) {
            return failed(std::string("EF.SOD does not parse: ") + e.what());
        }
        describeSod();
        if (!sod_.duplicateDataGroups.empty()) return failed("EF.SOD lists " + dgName(sod_.duplicateDataGroups.front()) + " more than once: it is malformed or forged");
        if (auto problem = checkDataGroups()) return failed(*problem);

        CmsPtr cms;
        try {
            cms = parseCms(sod_.signedData, "EF.SOD");
        } catch (const Error& e) {
            return failed(std::string("the signature of EF.SOD does not parse: ") + e.what());
        }
        SignatureCheck signature = checkSignedData(cms.get());
        r().signatureAlgorithm = signature.signatureAlgorithm;
        if (signature.signingTime) r().signingTime = isoDateTime(*signature.signingTime);
        if (!signature.note.empty()) r().notes.push_back(signature.note);
        if (signature.signer) {
            r().documentSigner = subjectOf(signature.signer.get());
            out_.documentSignerCountry = countryOf(X509_get_subject_name(signature.signer.get()));
            out_.documentSigner = validityOf(signature.signer.get(), in_.at);
        }
        switch (signature.outcome) {
        case SignatureCheck::Outcome::Verified: break;
        case SignatureCheck::Outcome::BadSignature: return failed("the SOD " + signature.reason + ": it was altered or forged");
        case SignatureCheck::Outcome::SignerNotFound:
        case SignatureCheck::Outcome::Unsupported: return inconclusive(signature.reason);
        }
        if (!sod_.hashAlgorithm) return inconclusive("EF.SOD uses a hash algorithm the SDK does not know (" + sod_.hashAlgorithmOid + ")");
        return chain(signature.signer.get(), signature.signingTime);
    }

private:
    PassiveAuthenticationResult& r() { return out_.result; }

    PassiveOutcome failed(std::string reason)
    {
        r().status = CheckStatus::Failed;
        r().reason = std::move(reason);
        return out_;
    }

    PassiveOutcome inconclusive(std::string reason)
    {
        r().inconclusive = true;
        return failed(std::move(reason));
    }

    void describeSod()
    {
        for (const auto& [dg, hash] : sod_.dataGroupHashes) r().listedDataGroups.push_back(dg);
        r().hashAlgorithm = sod_.hashAlgorithm ? lds::hashAlgorithmName(*sod_.hashAlgorithm) : sod_.hashAlgorithmOid;
        r().ldsVersion = sod_.ldsVersion;
        if (sod_.contentTypeIsData) {
            r().notes.push_back("EF.SOD labels its content id-data instead of an LDS security object; it parses as one and was accepted");
        }
    }

    // Every data group read against the SOD; the ones shown must be listed, the listed ones the chip withheld are missing.
    std::optional<std::string> checkDataGroups()
    {
        std::vector<std::string> altered, unsigned_, withheld;
        for (const auto& [name, content] : in_.files) {
            if (name.rfind("DG", 0) != 0) continue;
            int dg = std::stoi(name.substr(2));
            std::optional<bool> match = sod_.matches(dg, content);
            bool listed = sod_.dataGroupHashes.count(dg) > 0;
            r().dataGroups[name] = !listed ? "NOT_IN_SOD" : !match ? "NOT_CHECKED" : *match ? "PASSED" : "FAILED";
            if (match == false) altered.push_back(name);
            if (!listed && in_.shown.count(dg)) unsigned_.push_back(name);
        }
        for (int dg : r().listedDataGroups) {
            if (r().dataGroups.count(dgName(dg))) continue;
            bool refused = in_.withheld.count(dg) > 0;
            r().dataGroups[dgName(dg)] = refused ? "MISSING" : "NOT_READ";
            if (refused && in_.shown.count(dg)) withheld.push_back(dgName(dg));
        }
        if (!altered.empty()) return "the data of " + list(altered) + " does not match the SOD: it was altered";
        if (!unsigned_.empty()) return list(unsigned_) + " is not covered by the SOD's signature: its data may be invented";
        if (!withheld.empty()) return "the chip hides " + list(withheld) + ", which its SOD lists: treat the card as forged";
        return std::nullopt;
    }

    PassiveOutcome chain(const X509* ds, std::optional<std::time_t> signingTime)
    {
        CscaMatch match = findCsca(ds, trust_, signingTime ? signingTime : in_.dateOfIssue);
        if (match.outcome == CscaMatch::Outcome::Forged) return failed(match.reason);
        if (match.outcome == CscaMatch::Outcome::UnknownCsca) {
            r().unknownCsca = true;
            return inconclusive(match.reason);
        }
        const X509* csca = match.csca;
        r().csca = subjectOf(csca);
        out_.cscaCountry = countryOf(X509_get_subject_name(csca));
        out_.csca = validityOf(csca, in_.at);
        if (auto problem = signingDateProblem(ds, csca, signingTime)) return failed(*problem);
        Revocation revocation = checkRevocation(ds, csca, trust_, in_.at);
        r().notes.insert(r().notes.end(), revocation.notes.begin(), revocation.notes.end());
        if (revocation.revoked) return failed(revocation.reason);
        r().status = CheckStatus::Passed;
        r().reason = "the data matches the SOD, signed by a Document Signer of the trusted CSCA \"" + *r().csca + "\"";
        if (out_.documentSigner->status == ExpiryStatus::Expired) {
            r().notes.push_back("the Document Signer certificate expired on " + out_.documentSigner->validUntil.value_or("?") +
                                ", as is normal for cards issued a while ago");
        }
        return out_;
    }

    // The Document Signer must have been valid when it signed: at the signingTime, else around the date of issue.
    std::optional<std::string> signingDateProblem(const X509* ds, const X509* csca, std::optional<std::time_t> signingTime)
    {
        std::time_t dsFrom = toTime(X509_get0_notBefore(ds)).value_or(0), dsUntil = toTime(X509_get0_notAfter(ds)).value_or(0);
        std::string period = " (it is valid from " + isoDate(dsFrom) + " to " + isoDate(dsUntil) + ")";
        if (dsFrom > in_.at + day) return "the Document Signer certificate is not valid before " + isoDate(dsFrom) + ": it cannot have signed this SOD yet";
        if (signingTime) {
            if (*signingTime < dsFrom || *signingTime > dsUntil) {
                return "the Document Signer certificate was not valid when the SOD was signed, on " + isoDate(*signingTime) + period;
            }
            std::time_t cscaFrom = toTime(X509_get0_notBefore(csca)).value_or(0), cscaUntil = toTime(X509_get0_notAfter(csca)).value_or(0);
            if (*signingTime < cscaFrom || *signingTime > cscaUntil) return "the CSCA certificate was not valid when the SOD was signed, on " + isoDate(*signingTime);
            return std::nullopt;
        }
        if (in_.dateOfIssue) {
            if (dsFrom > *in_.dateOfIssue + day || dsUntil < *in_.dateOfIssue - personalisationMargin) {
                return "the Document Signer certificate was not valid on the document's date of issue, " + isoDate(*in_.dateOfIssue) + period;
            }
            r().notes.push_back("EF.SOD has no signing time: the Document Signer was checked against the date of issue");
            return std::nullopt;
        }
        r().notes.push_back("EF.SOD has no signing time and the date of issue is unknown: the Document Signer's validity" + period +
                            " could not be checked against the signing date");
        return std::nullopt;
    }

    const PassiveInput& in_;
    const TrustStore::Impl& trust_;
    lds::SecurityObject sod_;
    PassiveOutcome out_;
};
} // namespace

ValidityPeriod validityOf(const X509* cert, std::time_t at)
{
    ValidityPeriod v;
    std::optional<std::time_t> from = toTime(X509_get0_notBefore(cert)), until = toTime(X509_get0_notAfter(cert));
    if (from) v.validFrom = isoDate(*from);
    if (until) v.validUntil = isoDate(*until);
    if (!from || !until) return v;
    v.status = at < *from ? ExpiryStatus::NotYetValid : at > *until ? ExpiryStatus::Expired : ExpiryStatus::NotExpired;
    return v;
}

PassiveOutcome verifyPassive(const PassiveInput& input, const TrustStore& trust) { return Verification(input, trust).run(); }

} // namespace cccd::pki
