// The teller's decision: APPROVED only for a VALID card with a matching, live face; what a supervisor must look at
// is REFER; a forged or cloned card, another person's face, or no live person is REJECTED. Each with its reasons.
#include "bank-counter/kyc/agent_facts.hpp"
#include "bank-counter/kyc/decision.hpp"

#include <catch2/catch.hpp>

using namespace cccd::samples::bank;
using nlohmann::json;

namespace {

CardFacts card(CardVerdict verdict, bool expired = false, FailedCheck failed = FailedCheck::None)
{
    return CardFacts{verdict, failed, expired};
}

FaceFacts face(bool match, std::optional<bool> live = true, std::optional<std::string> problem = std::nullopt)
{
    FaceFacts f;
    f.match = match;
    f.score = match ? 0.72 : 0.05;
    f.threshold = 0.36;
    f.live = live;
    f.problem = problem;
    return f;
}

std::vector<std::string> reasons(const KycDecision& d)
{
    std::vector<std::string> out;
    for (Reason r : d.reasons) out.push_back(toString(r));
    return out;
}

using Reasons = std::vector<std::string>;

} // namespace

TEST_CASE("bank-counter decision: a valid card, the same person, live: APPROVED with the three reasons")
{
    KycDecision d = decide(card(CardVerdict::Valid), face(true));
    CHECK(toString(d.decision) == "APPROVED");
    CHECK(reasons(d) == Reasons{"card_valid", "face_match", "live"});
}

TEST_CASE("bank-counter decision: a forged or cloned card is REJECTED whatever the face")
{
    CHECK(reasons(decide(card(CardVerdict::Invalid, false, FailedCheck::PassiveAuthentication), std::nullopt)) == Reasons{"card_forged"});
    KycDecision cloned = decide(card(CardVerdict::Invalid, false, FailedCheck::CloneCheck), face(true));
    CHECK(toString(cloned.decision) == "REJECTED");
    CHECK(reasons(cloned) == Reasons{"card_cloned"});
    CHECK(reasons(decide(card(CardVerdict::Invalid, true, FailedCheck::Consistency), std::nullopt)) == Reasons{"card_invalid"});
}

TEST_CASE("bank-counter decision: another person's face, or no live person, is REJECTED")
{
    KycDecision other = decide(card(CardVerdict::Valid), face(false));
    CHECK(toString(other.decision) == "REJECTED");
    CHECK(reasons(other) == Reasons{"face_mismatch"});
    KycDecision photo = decide(card(CardVerdict::Valid), face(true, false));
    CHECK(toString(photo.decision) == "REJECTED");
    CHECK(reasons(photo) == Reasons{"not_live"});
    // A rejecting reason comes first, a referring one still shown.
    KycDecision both = decide(card(CardVerdict::Unverified, true), face(false, false));
    CHECK(toString(both.decision) == "REJECTED");
    CHECK(reasons(both) == Reasons{"face_mismatch", "not_live", "card_unverified", "card_expired"});
}

TEST_CASE("bank-counter decision: what a supervisor must look at is REFER")
{
    CHECK(reasons(decide(card(CardVerdict::Unverified), face(true))) == Reasons{"card_unverified"});
    KycDecision expired = decide(card(CardVerdict::Valid, true), face(true));
    CHECK(toString(expired.decision) == "REFER");
    CHECK(reasons(expired) == Reasons{"card_expired"});
    KycDecision dark = decide(card(CardVerdict::Valid), face(false, std::nullopt, std::string("the face is too dark")));
    CHECK(toString(dark.decision) == "REFER");
    CHECK(reasons(dark) == Reasons{"face_quality"});
    CHECK(reasons(decide(card(CardVerdict::Valid), std::nullopt)) == Reasons{"face_not_checked"});
    CHECK(reasons(decide(card(CardVerdict::Valid), face(true, std::nullopt))) == Reasons{"liveness_not_checked"});
}

TEST_CASE("bank-counter: the facts come from the agent's verification and face-match answers")
{
    json tampered = {{"overall", "INVALID"},
                     {"passive_authentication", {{"status", "FAILED"}, {"reason", "DG1 hash mismatch"}}},
                     {"chip_authentication", {{"status", "PASSED"}}},
                     {"expiry", {{"status", "VALID"}}}};
    CardFacts forged = cardFactsFrom(tampered);
    CHECK(forged.verdict == CardVerdict::Invalid);
    CHECK(forged.failed == FailedCheck::PassiveAuthentication);
    json clone = {{"overall", "INVALID"}, {"passive_authentication", {{"status", "PASSED"}}}, {"chip_authentication", {{"status", "FAILED"}}}};
    CHECK(cardFactsFrom(clone).failed == FailedCheck::CloneCheck);
    json expired = {{"overall", "VALID"}, {"expiry", {{"status", "EXPIRED"}}}};
    CHECK(cardFactsFrom(expired).expired);
    CHECK_FALSE(cardFactsFrom(json{{"overall", "VALID"}}).expired);
    CHECK_THROWS_AS(cardFactsFrom(json{{"overall", "GENUINE"}}), std::invalid_argument);
    CHECK_THROWS_AS(cardFactsFrom(json()), std::invalid_argument);

    FaceFacts matched = faceFactsFrom(json{{"match", true}, {"score", 0.71}, {"threshold", 0.36}, {"liveness", {{"live", true}, {"score", 0.98}}}, {"problem", nullptr}});
    CHECK(matched.match);
    CHECK(matched.live == true);
    CHECK(matched.liveScore == Approx(0.98));
    FaceFacts unusable = faceFactsFrom(json{{"match", false}, {"score", 0}, {"threshold", 0.36}, {"liveness", nullptr}, {"problem", "no face found"}});
    CHECK(unusable.problem == std::string("no face found"));
    CHECK_FALSE(unusable.live.has_value());
    CHECK_THROWS_AS(faceFactsFrom(json{{"match", true}}), std::invalid_argument); // a match without a score
    CHECK_THROWS_AS(faceFactsFrom(json{{"match", "yes"}}), std::invalid_argument);
}
