// Chip and active authentication are only worth what the key they use is worth: the key of DG14 / DG15
// counts only when the SOD lists that data group and its hash matches. A chip that withholds a key its SOD
// lists is hiding that it is a copy.
#pragma once

#include "cccd/verification.hpp"
#include "core/bytes.hpp"
#include "icao/secure_channel.hpp"
#include "lds/sod.hpp"

#include <map>
#include <optional>
#include <set>
#include <string>

namespace cccd::reading {

inline constexpr int chipAuthenticationGroup = 14;
inline constexpr int activeAuthenticationGroup = 15;

/**
 * The result to report for CA (dg 14) or AA (dg 15) without running it, or nothing when the SOD vouches for the
 * key and it should be run. sod: the parsed EF.SOD, if it parsed; withheld: data groups the chip refused;
 * live: the chip is there (false for a dump checked offline).
 */
std::optional<CheckResult> unusableKey(int dg, const std::optional<lds::SecurityObject>& sod, const std::map<std::string, Bytes>& files,
                                       const std::set<int>& withheld, bool live);

struct ChipProof {
    CheckResult chipAuthentication;
    CheckResult activeAuthentication;
};

/** Chip Authentication (which re-keys the channel) then Active Authentication on the live chip, each only with a
 *  key the SOD vouches for. A vouched key file that does not parse is added to problems. */
ChipProof proveChip(icao::SecureChannel& channel, const std::optional<lds::SecurityObject>& sod, const std::map<std::string, Bytes>& files,
                    const std::set<int>& withheld, std::vector<std::string>& problems);

} // namespace cccd::reading
