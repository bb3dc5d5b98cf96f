// The teller's decision from what the agent found: the card's verification and the face check at the counter.
//   APPROVED  the card is VALID, the face matches the chip photo, the person is live;
//   REFER     a supervisor decides: the card could not be verified, has expired, or the face could not be checked;
//   REJECTED  the card is forged or cloned, the face is another person's, or the camera sees no live person.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace cccd::samples::bank {

enum class CardVerdict { Valid, Unverified, Invalid };

/** The check of the chip that made a card INVALID, in the agent's verification JSON. */
enum class FailedCheck { None, PassiveAuthentication, CloneCheck, Consistency };

struct CardFacts {
    CardVerdict verdict = CardVerdict::Unverified;
    FailedCheck failed = FailedCheck::None; ///< for Invalid
    bool expired = false;
};

/** The agent's face-match answer. A face that could not be used (too dark, none found) has a problem and no score. */
struct FaceFacts {
    bool match = false;
    double score = 0;
    double threshold = 0;
    std::optional<bool> live;       ///< no value: liveness was not checked
    std::optional<double> liveScore;
    std::optional<std::string> problem;
};

enum class Decision { Approved, Refer, Rejected };

/** Why, as stable codes (the page and the printed record put them in words; the log stores the codes). */
enum class Reason {
    CardValid, FaceMatch, Live,                                                  // APPROVED
    CardUnverified, CardExpired, FaceQuality, FaceNotChecked, LivenessNotChecked, // REFER
    CardForged, CardCloned, CardInvalid, FaceMismatch, NotLive,                  // REJECTED
};

struct KycDecision {
    Decision decision = Decision::Refer;
    std::vector<Reason> reasons; ///< the gravest first
};

/** The rules. face is empty when no face check was done (an INVALID card never gets one). */
KycDecision decide(const CardFacts& card, const std::optional<FaceFacts>& face);

std::string toString(Decision d);
std::string toString(CardVerdict v);
std::string toString(Reason r);
std::optional<CardVerdict> cardVerdictFrom(const std::string& text);

} // namespace cccd::samples::bank
