#include "bank-counter/kyc/decision.hpp"

#include <algorithm>

namespace cccd::samples::bank {
namespace {

Decision weightOf(Reason r)
{
    switch (r) {
    case Reason::CardForged:
    case Reason::CardCloned:
    case Reason::CardInvalid:
    case Reason::FaceMismatch:
    case Reason::NotLive:
        return Decision::Rejected;
    case Reason::CardValid:
    case Reason::FaceMatch:
    case Reason::Live:
        return Decision::Approved;
    default:
        return Decision::Refer;
    }
}

Reason invalidCardReason(FailedCheck failed)
{
    switch (failed) {
    case FailedCheck::PassiveAuthentication: return Reason::CardForged;
    case FailedCheck::CloneCheck: return Reason::CardCloned;
    default: return Reason::CardInvalid;
    }
}

// A face that cannot be judged refers; a face judged to be someone else's, or not live, rejects.
void faceReasons(const std::optional<FaceFacts>& face, std::vector<Reason>& reasons)
{
    if (!face) {
        reasons.push_back(Reason::FaceNotChecked);
        return;
    }
    if (face->problem) {
        reasons.push_back(Reason::FaceQuality);
        return;
    }
    if (!face->match) reasons.push_back(Reason::FaceMismatch);
    if (!face->live) {
        reasons.push_back(Reason::LivenessNotChecked);
    } else if (!*face->live) {
        reasons.push_back(Reason::NotLive);
    }
}

} // namespace

KycDecision decide(const CardFacts& card, const std::optional<FaceFacts>& face)
{
    KycDecision out;
    if (card.verdict == CardVerdict::Invalid) { // stops the flow: a forged card's face proves nothing
        out.decision = Decision::Rejected;
        out.reasons = {invalidCardReason(card.failed)};
        return out;
    }
    if (card.verdict == CardVerdict::Unverified) out.reasons.push_back(Reason::CardUnverified);
    if (card.expired) out.reasons.push_back(Reason::CardExpired);
    faceReasons(face, out.reasons);
    if (out.reasons.empty()) {
        out.decision = Decision::Approved;
        out.reasons = {Reason::CardValid, Reason::FaceMatch, Reason::Live};
        return out;
    }
    std::stable_sort(out.reasons.begin(), out.reasons.end(),
                     [](Reason a, Reason b) { return weightOf(a) == Decision::Rejected && weightOf(b) != Decision::Rejected; });
    bool rejected = std::any_of(out.reasons.begin(), out.reasons.end(), [](Reason r) { return weightOf(r) == Decision::Rejected; });
    out.decision = rejected ? Decision::Rejected : Decision::Refer;
    return out;
}

std::string toString(Decision d)
{
    switch (d) {
    case Decision::Approved: return "APPROVED";
    case Decision::Rejected: return "REJECTED";
    default: return "REFER";
    }
}

std::string toString(CardVerdict v)
{
    switch (v) {
    case CardVerdict::Valid: return "VALID";
    case CardVerdict::Invalid: return "INVALID";
    default: return "UNVERIFIED";
    }
}

std::string toString(Reason r)
{
    switch (r) {
    case Reason::CardValid: return "card_valid";
    case Reason::FaceMatch: return "face_match";
    case Reason::Live: return "live";
    case Reason::CardUnverified: return "card_unverified";
    case Reason::CardExpired: return "card_expired";
    case Reason::FaceQuality: return "face_quality";
    case Reason::FaceNotChecked: return "face_not_checked";
    case Reason::LivenessNotChecked: return "liveness_not_checked";
    case Reason::CardForged: return "card_forged";
    case Reason::CardCloned: return "card_cloned";
    case Reason::CardInvalid: return "card_invalid";
    case Reason::FaceMismatch: return "face_mismatch";
    case Reason::NotLive: return "not_live";
    }
    return "unknown";
}

std::optional<CardVerdict> cardVerdictFrom(const std::string& text)
{
    if (text == "VALID") return CardVerdict::Valid;
    if (text == "UNVERIFIED") return CardVerdict::Unverified;
    if (text == "INVALID") return CardVerdict::Invalid;
    return std::nullopt;
}

} // namespace cccd::samples::bank
