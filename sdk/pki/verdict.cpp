#include "cccd/verification.hpp"

#include <algorithm>

namespace cccd {

// From the attacker's side: INVALID whenever a check caught forgery or cloning; VALID only when the signed data
// covers everything shown, the signer is trusted and of the issuing state, and the chip proved it holds a key the
// SOD vouches for. Anything that could not be checked (unknown CSCA, SDK limits, offline) stays UNVERIFIED.
Verdict overallVerdict(const VerificationReport& r)
{
    auto failed = [](const CheckResult& c) { return c.status == CheckStatus::Failed; };
    auto passed = [](const CheckResult& c) { return c.status == CheckStatus::Passed; };
    bool forged = (failed(r.passive) && !r.passive.inconclusive) || failed(r.consistency) || (r.cardSecurity && failed(*r.cardSecurity));
    if (forged || failed(r.chipAuthentication) || failed(r.activeAuthentication)) return Verdict::Invalid;
    if (r.offline || !passed(r.passive) || !passed(r.consistency)) return Verdict::Unverified;
    const std::vector<int>& listed = r.passive.listedDataGroups;
    bool lists14 = std::find(listed.begin(), listed.end(), 14) != listed.end();
    bool lists15 = std::find(listed.begin(), listed.end(), 15) != listed.end();
    bool chipProven = (lists14 && passed(r.chipAuthentication)) || (lists15 && passed(r.activeAuthentication)) || (!lists14 && !lists15);
    return chipProven ? Verdict::Valid : Verdict::Unverified;
}

const char* toString(CheckStatus s)
{
    switch (s) {
    case CheckStatus::Passed: return "PASSED";
    case CheckStatus::Failed: return "FAILED";
    case CheckStatus::NotSupported: return "NOT_SUPPORTED";
    case CheckStatus::NotChecked: return "NOT_CHECKED";
    }
    return "NOT_CHECKED";
}

const char* toString(Verdict v)
{
    switch (v) {
    case Verdict::Valid: return "VALID";
    case Verdict::Invalid: return "INVALID";
    case Verdict::Unverified: return "UNVERIFIED";
    }
    return "UNVERIFIED";
}

const char* toString(ExpiryStatus s)
{
    switch (s) {
    case ExpiryStatus::NotExpired: return "NOT_EXPIRED";
    case ExpiryStatus::Expired: return "EXPIRED";
    case ExpiryStatus::NotYetValid: return "NOT_YET_VALID";
    case ExpiryStatus::NoExpiry: return "NO_EXPIRY";
    case ExpiryStatus::Unknown: return "UNKNOWN";
    }
    return "UNKNOWN";
}

} // namespace cccd
