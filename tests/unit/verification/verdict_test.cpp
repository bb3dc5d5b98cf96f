// The verdict from the attacker's side: each way a chip could lie, and what the SDK must conclude.
#include "cccd/verification.hpp"

#include <catch2/catch.hpp>

using namespace cccd;

namespace {
CheckResult check(CheckStatus s) { return CheckResult{s, ""}; }

// A genuine CCCD read live: everything passed, the SOD lists DG14 and DG15.
VerificationReport genuine()
{
    VerificationReport r;
    r.passive.status = CheckStatus::Passed;
    r.passive.listedDataGroups = {1, 2, 13, 14, 15};
    r.chipAuthentication = check(CheckStatus::Passed);
    r.activeAuthentication = check(CheckStatus::Passed);
    r.consistency = check(CheckStatus::Passed);
    return r;
}
} // namespace

TEST_CASE("verdict: a genuine card is VALID, then CA or AA alone proves the chip when the SOD lists it")
{
    CHECK(overallVerdict(genuine()) == Verdict::Valid);
    VerificationReport aaOnly = genuine();
    aaOnly.chipAuthentication = check(CheckStatus::NotSupported); // e.g. the SDK cannot use the DG14 key
    CHECK(overallVerdict(aaOnly) == Verdict::Valid);
    VerificationReport caOnly = genuine();
    caOnly.activeAuthentication = check(CheckStatus::NotChecked);
    CHECK(overallVerdict(caOnly) == Verdict::Valid);
}

TEST_CASE("verdict: a chip that proves nothing the SOD vouches for is never VALID")
{
    VerificationReport neither = genuine();
    neither.chipAuthentication = check(CheckStatus::NotSupported);
    neither.activeAuthentication = check(CheckStatus::NotSupported);
    CHECK(overallVerdict(neither) == Verdict::Unverified); // the SOD lists DG14/DG15: the SDK's limits are not the chip's

    VerificationReport unlisted = genuine(); // CA passed with a key the SOD does not list (a clone's own DG14)
    unlisted.passive.listedDataGroups = {1, 2, 13, 15};
    unlisted.activeAuthentication = check(CheckStatus::NotChecked);
    CHECK(overallVerdict(unlisted) == Verdict::Unverified);

    VerificationReport noAntiCloning = genuine(); // a document without CA and AA: nothing more to ask
    noAntiCloning.passive.listedDataGroups = {1, 2};
    noAntiCloning.chipAuthentication = check(CheckStatus::NotSupported);
    noAntiCloning.activeAuthentication = check(CheckStatus::NotSupported);
    CHECK(overallVerdict(noAntiCloning) == Verdict::Valid);
}

TEST_CASE("verdict: forgery and cloning are INVALID, then what could not be checked is UNVERIFIED")
{
    VerificationReport hidden = genuine();
    hidden.activeAuthentication = check(CheckStatus::Failed); // withheld DG15, or a wrong signature
    CHECK(overallVerdict(hidden) == Verdict::Invalid);

    VerificationReport altered = genuine();
    altered.passive.status = CheckStatus::Failed;
    CHECK(overallVerdict(altered) == Verdict::Invalid);

    VerificationReport unknownCsca = genuine();
    unknownCsca.passive.status = CheckStatus::Failed;
    unknownCsca.passive.inconclusive = unknownCsca.passive.unknownCsca = true;
    CHECK(overallVerdict(unknownCsca) == Verdict::Unverified);
    unknownCsca.chipAuthentication = check(CheckStatus::Failed);
    CHECK(overallVerdict(unknownCsca) == Verdict::Invalid); // a failed chip proof outweighs an unknown CSCA

    VerificationReport foreign = genuine();
    foreign.consistency = check(CheckStatus::Failed);
    CHECK(overallVerdict(foreign) == Verdict::Invalid);
    VerificationReport noState = genuine();
    noState.consistency = check(CheckStatus::NotChecked);
    CHECK(overallVerdict(noState) == Verdict::Unverified);

    VerificationReport cardSecurity = genuine();
    cardSecurity.cardSecurity = check(CheckStatus::Failed);
    CHECK(overallVerdict(cardSecurity) == Verdict::Invalid);
    cardSecurity.cardSecurity = check(CheckStatus::NotChecked);
    CHECK(overallVerdict(cardSecurity) == Verdict::Valid);
}

TEST_CASE("verdict: offline is never VALID, and expiry does not change the verdict")
{
    VerificationReport offline = genuine();
    offline.offline = true;
    CHECK(overallVerdict(offline) == Verdict::Unverified);
    offline.passive.listedDataGroups = {1, 2};
    CHECK(overallVerdict(offline) == Verdict::Unverified);

    VerificationReport expired = genuine();
    expired.expiry.document.status = ExpiryStatus::Expired;
    CHECK(overallVerdict(expired) == Verdict::Valid);
    CHECK(std::string(toString(ExpiryStatus::Expired)) == "EXPIRED");
    CHECK(std::string(toString(Verdict::Valid)) == "VALID");
    CHECK(std::string(toString(CheckStatus::NotSupported)) == "NOT_SUPPORTED");
}
