// Is the document genuine? Passive authentication proves the data is unaltered and signed under a
// trusted CSCA of the issuing state; chip and active authentication prove the chip is not a copy; the
// consistency check proves the document is what it claims. The overall verdict is VALID only when all of
// that holds for everything shown; an unknown CSCA is UNVERIFIED, never VALID. Expiry is reported on its
// own: an expired genuine document is not a forgery.
#pragma once

#include <cstdint>
#include <ctime>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace cccd {

class TrustStore;

enum class CheckStatus { Passed, Failed, NotSupported, NotChecked };
enum class Verdict { Valid, Invalid, Unverified };

/** One check's outcome. */
struct CheckResult {
    CheckStatus status = CheckStatus::NotChecked; ///< PASSED, FAILED, NOT_SUPPORTED or NOT_CHECKED
    std::string reason; ///< for people: why it passed or failed
};

/** Passive authentication: the data groups against the SOD, the SOD's signature, its chain to a trusted CSCA. */
struct PassiveAuthenticationResult : CheckResult {
    /** "DG1" -> "PASSED" (hash matches the SOD) | "FAILED" (altered) | "NOT_IN_SOD" (read, but the SOD does not
     *  vouch for it: never shown as verified) | "MISSING" (the SOD lists it, the chip withheld it) | "NOT_READ"
     *  (the SOD lists it, it was not asked for or is not in the folder). */
    std::map<std::string, std::string> dataGroups;
    std::vector<int> listedDataGroups;     ///< what the SOD says the document holds
    std::string documentSigner;            ///< subject of the Document Signer certificate
    std::optional<std::string> csca;       ///< subject of the trust anchor, when one matched
    std::string hashAlgorithm;             ///< of the data group hashes, e.g. "SHA-256"
    std::string signatureAlgorithm;        ///< of the SOD signature, e.g. "ecdsa-with-SHA256"
    std::string ldsVersion;                ///< "0108" (from the SOD, else EF.COM); empty if neither says
    std::optional<std::string> signingTime; ///< the SOD's signingTime attribute (ISO 8601), when present
    std::vector<std::string> notes;        ///< facts worth knowing that do not change the status
    bool unknownCsca = false;              ///< no trust anchor matched (the reason says "unknown CSCA")
    /** The check could not be completed (unknown CSCA, no signer certificate, an algorithm the SDK does not
     *  know): the document is UNVERIFIED, not forged. */
    bool inconclusive = false;
};

enum class ExpiryStatus { NotExpired, Expired, NotYetValid, NoExpiry, Unknown };

/** The dates of the document or of one certificate, against the day checked at. */
struct ValidityPeriod {
    std::optional<std::string> validFrom;  ///< ISO date
    std::optional<std::string> validUntil; ///< ISO date; none with status NoExpiry
    ExpiryStatus status = ExpiryStatus::Unknown; ///< on the day checked at
};

/** The dates of the document and of its certificates. */
struct ExpiryReport {
    std::string checkedAt;                 ///< ISO date the dates were compared with (today, or --at)
    ValidityPeriod document;               ///< its status is the document's: EXPIRED is not forged
    std::optional<ValidityPeriod> documentSigner; ///< the Document Signer certificate, when the SOD holds it
    std::optional<ValidityPeriod> csca;           ///< the trust anchor, when one matched
};

/** Every check of a document and the overall verdict (docs/verification.md). */
struct VerificationReport {
    PassiveAuthenticationResult passive; ///< the data is unaltered and signed under a trusted CSCA
    CheckResult chipAuthentication;      ///< the chip holds the DG14 key (not a copy)
    CheckResult activeAuthentication;    ///< the chip holds the DG15 key (not a copy)
    /** The document is what it claims: issuing state of DG1 = country of the Document Signer and CSCA;
     *  for a CCCD, the ID number of DG13 = the one in DG1. */
    CheckResult consistency;
    /** EF.CardSecurity's signature and chain, when the chip has one. */
    std::optional<CheckResult> cardSecurity;
    ExpiryReport expiry;              ///< reported on its own: an expired document is not a forgery
    bool offline = false; ///< checked from files without the chip: never VALID
    Verdict overall = Verdict::Unverified; ///< VALID, INVALID or UNVERIFIED (overallVerdict)
};

/**
 * VALID only when passive authentication PASSED under a trusted CSCA (covering every data group shown),
 * the document is consistent, and the chip proved it holds a key the SOD vouches for (CA with DG14 or AA
 * with DG15 PASSED), or the SOD lists neither DG14 nor DG15. Never VALID offline.
 * INVALID when a check FAILED for a reason that means forgery or cloning (not an unknown CSCA or an SDK
 * limit). Otherwise UNVERIFIED.
 */
Verdict overallVerdict(const VerificationReport& report);

const char* toString(CheckStatus status);
const char* toString(Verdict verdict);
const char* toString(ExpiryStatus status);

/** Options of offline verification (and of the verification step of readCard). */
struct VerifyOptions {
    std::vector<std::string> trustPaths; ///< CSCA certificates, master lists, CRLs (files or folders)
    bool useDefaultTrust = true;         ///< also the default trust location (`cccd trust import`)
    std::optional<std::time_t> at;       ///< verify as of this time (certificate validity, expiry); default: now
    /** A trust store loaded once; when set, trustPaths and useDefaultTrust are ignored. */
    std::shared_ptr<const TrustStore> trust;
};

/**
 * Passive authentication of files read earlier (e.g. a `cccd read --out` folder or what a counter PC sent to a
 * server): "SOD", "DG1", "DG13", "DG2", "DG14", "DG15", "COM", "CardSecurity" as read from the chip. Chip and
 * active authentication need the chip, so the result is at best UNVERIFIED. Throws Error for unusable trust
 * paths; never for malformed files, which are FAILED checks.
 */
VerificationReport verifyFiles(const std::map<std::string, std::vector<std::uint8_t>>& files, const VerifyOptions& options = {});

} // namespace cccd
