// The BAC key seed from MRZ data (ICAO 9303-11 §4.3.2 / Appendix D.2), also the PACE MRZ password.
#pragma once

#include "cccd/access_key.hpp"
#include "core/secure.hpp"

#include <string>

namespace cccd::icao {

/** MRZ_information: document number + check digit, date of birth + check digit, date of expiry + check digit.
 *  Numbers shorter than 9 characters are filled with '<'; longer ones are used whole (ICAO long-number rule). */
SecureBytes mrzInformation(const MrzKeyData& key);

/** K_seed = the first 16 bytes of SHA-1(MRZ_information). */
SecureBytes bacKeySeed(const MrzKeyData& key);

} // namespace cccd::icao
