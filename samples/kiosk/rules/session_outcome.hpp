// How a kiosk session ended, as the page reports it. Only these words reach the database: they describe the
// session, never the citizen.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace cccd::samples::kiosk {

enum class Outcome {
    Verified,       ///< genuine card, face matches and is live: a ticket is issued
    FaceMismatch,   ///< the face in the camera is not the card's
    NotLive,        ///< the camera saw a photo or a screen
    NoFace,         ///< no usable face after several tries
    CardInvalid,    ///< forged or cloned card
    CardUnverified, ///< the card could not be verified (no trust anchor, unsupported checks)
    CardExpired,    ///< a genuine card past its expiry date
};

/** The outcome's word in the API and the database ("verified", "face_mismatch", ...). */
std::string outcomeName(Outcome outcome);
/** The outcome for its word, or nothing for an unknown word. */
std::optional<Outcome> parseOutcome(const std::string& name);
/** Every outcome, in the order above (for the daily tally). */
const std::vector<Outcome>& allOutcomes();
/** Only a verified citizen gets a queue ticket; everyone else is sent to the help desk. */
bool issuesTicket(Outcome outcome);

} // namespace cccd::samples::kiosk
