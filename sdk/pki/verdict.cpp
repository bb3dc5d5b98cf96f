#include "cccd/verification.hpp"

namespace cccd {

Verdict overallVerdict(const VerificationReport& r)
{
    auto failed = [](const CheckResult& c) { return c.status == CheckStatus::Failed; };
    if ((failed(r.passive) && !r.passive.unknownCsca) || failed(r.chipAuthentication) || failed(r.activeAuthentication)) {
        return Verdict::Invalid;
    }
    bool chipProven = r.chipAuthentication.status == CheckStatus::Passed || r.activeAuthentication.status == CheckStatus::Passed;
    bool chipCannotProve = r.chipAuthentication.status == CheckStatus::NotSupported && r.activeAuthentication.status == CheckStatus::NotSupported;
    if (r.passive.status == CheckStatus::Passed && (chipProven || chipCannotProve)) return Verdict::Valid;
    return Verdict::Unverified;
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

} // namespace cccd
