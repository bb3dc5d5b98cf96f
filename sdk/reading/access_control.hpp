// Opens the chip: PACE with the CAN when the chip offers PACE and a CAN is known, else BAC with each
// MRZ candidate (e.g. both expiry dates near an age threshold). A refused CAN is final: chips count
// failures, so there is no retry with the same password.
#pragma once

#include "cccd/access_key.hpp"
#include "cccd/card_reader.hpp"
#include "crypto/crypto.hpp"
#include "icao/secure_messaging.hpp"
#include "lds/security_infos.hpp"
#include "transport/apdu_channel.hpp"

#include <optional>

namespace cccd::reading {

struct OpenedChip {
    icao::SecureMessaging secureMessaging;
    AccessInfo access;
    bool applicationSelected; ///< BAC runs inside the eMRTD application; PACE before selecting it
};

OpenedChip openChip(ApduChannel& channel, const AccessKey& key, const std::optional<lds::SecurityInfos>& cardAccess,
                    crypto::Random& random);

/** SELECT the eMRTD application (A0000002471001) by AID, without Le. */
CommandApdu selectEmrtdApplication();

} // namespace cccd::reading
