// PACE, terminal side (ICAO 9303-11 §4.4): MSE:Set AT, then four GENERAL AUTHENTICATE steps
// (encrypted nonce, mapping, key agreement, mutual authentication), giving AES or 3DES secure messaging.
#pragma once

#include "icao/key_agreement_group.hpp"
#include "icao/pace_protocol.hpp"
#include "icao/secure_messaging.hpp"
#include "lds/security_infos.hpp"
#include "transport/apdu_channel.hpp"

namespace cccd::icao {

struct PaceResult {
    SecureMessaging secureMessaging;
    PaceAlgorithm algorithm;
    std::string protocol;
    Bytes chipEphemeralPublicKey; ///< PK_IC of the key agreement (Chip Authentication Mapping uses it)
};

/**
 * Runs PACE with the given PACEInfo (see choosePaceInfo) and secret: the 6-digit CAN, or the MRZ_information.
 * Errors name the step and keep the SW; a refused password is Error(AccessDenied)
 * "access denied: wrong CAN (PACE step …)" — one attempt only, never a retry storm.
 */
PaceResult performPace(ApduChannel& channel, const lds::PaceInfo& info, PacePassword kind, ByteView secret,
                       crypto::Random& random);

/** The MSE:Set AT command: 80 protocol OID, 83 password reference, 84 parameter id; no Le. */
CommandApdu paceMseSetAt(const lds::PaceInfo& info, PacePassword kind);

} // namespace cccd::icao
