// When a Vietnamese ID card expires (2014 Law on Citizen Identification; 2023 Law on Identification for
// cards issued from 2024-07-01): at the birthday of age 25, 40 or 60 (from 2024-07-01 also 14); a card
// issued within 2 years before a threshold runs to the next one; a card issued at 58 or older never expires.
// Needed only for BAC from the card-face QR, which has no expiry date; PACE with the CAN needs none.
#pragma once

#include "vn/dates.hpp"

#include <vector>

namespace cccd::vn {

/** Possible expiry dates for a card, most likely first. Empty when the card does not expire.
 *  Near the 2-year boundary both the threshold and the next one are returned. */
std::vector<Date> expiryCandidates(const Date& birth, const Date& issue);

} // namespace cccd::vn
