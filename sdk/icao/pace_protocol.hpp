// What a PACE protocol OID means (ICAO 9303-11 §9.2.1, id-PACE-<agreement>-<mapping>-<cipher>),
// and which of several offered PACEInfos to run.
#pragma once

#include "crypto/crypto.hpp"
#include "lds/security_infos.hpp"

#include <optional>
#include <string>
#include <vector>

namespace cccd::icao {

enum class PaceMapping { Generic, Integrated, ChipAuthentication };

struct PaceAlgorithm {
    PaceMapping mapping = PaceMapping::Generic;
    bool ellipticCurve = true;
    crypto::Cipher cipher = crypto::Cipher::Aes128;
};

/** The algorithm of a PACE protocol OID, or nothing if it is not a PACE protocol OID. */
std::optional<PaceAlgorithm> paceAlgorithmFor(const std::string& oid);

/** True if this SDK can run the PACEInfo: Generic Mapping (or CAM, run as GM) with standardized parameters. */
bool isSupported(const lds::PaceInfo& info);

/** The PACEInfo to run: supported ones only; Generic Mapping before CAM, then the strongest cipher.
 *  Nothing if the chip offers none we support. */
std::optional<lds::PaceInfo> choosePaceInfo(const std::vector<lds::PaceInfo>& offered);

/** Password references of MSE:Set AT (ICAO 9303-11 §9.5.1). */
enum class PacePassword : std::uint8_t { Mrz = 0x01, Can = 0x02 };

} // namespace cccd::icao
