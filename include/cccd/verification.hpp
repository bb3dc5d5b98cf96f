// Is the document genuine? Passive authentication proves the data is unaltered and signed under a
// trusted CSCA; chip and active authentication prove the chip is not a copy. The overall verdict is
// VALID only when all of that holds; an unknown CSCA is UNVERIFIED, never VALID.
#pragma once

#include <map>
#include <optional>
#include <string>

namespace cccd {

enum class CheckStatus { Passed, Failed, NotSupported, NotChecked };
enum class Verdict { Valid, Invalid, Unverified };

struct CheckResult {
    CheckStatus status = CheckStatus::NotChecked;
    std::string reason; ///< for people: why it passed or failed
};

struct PassiveAuthenticationResult : CheckResult {
    std::map<std::string, std::string> dataGroups; ///< "DG1" -> "PASSED" | "FAILED" | "NOT_IN_SOD"
    std::string documentSigner;                    ///< subject of the Document Signer certificate
    std::optional<std::string> csca;               ///< subject of the trust anchor, when one matched
    bool unknownCsca = false;                      ///< no trust anchor matched (the reason says "unknown CSCA")
};

struct VerificationReport {
    PassiveAuthenticationResult passive;
    CheckResult chipAuthentication;
    CheckResult activeAuthentication;
    Verdict overall = Verdict::Unverified;
};

/** VALID: PA passed with a trusted CSCA and (CA or AA) passed where the chip supports one of them.
 *  INVALID: any check failed for a reason other than an unknown CSCA. Otherwise UNVERIFIED. */
Verdict overallVerdict(const VerificationReport& report);

const char* toString(CheckStatus status);
const char* toString(Verdict verdict);

} // namespace cccd
