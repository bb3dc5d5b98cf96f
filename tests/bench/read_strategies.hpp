// One full read (PACE-CAN, EF.CardAccess, DG1, DG13, EF.SOD, DG14, DG15, DG2, Chip and Active
// Authentication, passive authentication) of the card in the first reader, by one of two strategies:
// - cccd: the SDK's readCard, as an application calls it;
// - baseline: the way common open eMRTD readers do it, from the SDK's own protocol pieces (the same PACE,
//   secure messaging and verification code) so only the strategy differs: EF.COM first, one SELECT per file,
//   fixed 223-byte blocks, DG2 before DG1 and DG13, nothing shown before the whole read is verified.
#pragma once

#include "cccd/trust_store.hpp"

#include <cstddef>
#include <map>
#include <memory>
#include <optional>
#include <string>

namespace cccd::bench {

enum class Strategy { Cccd, Baseline };

const char* nameOf(Strategy s);

struct ReadFigures {
    double totalMs = 0;
    double firstDataMs = 0; ///< DG1 + DG13 decoded and handed to the application
    std::size_t apdus = 0;
    std::map<std::string, std::size_t> fileBytes; ///< "CardAccess", "DG1", … as read
    double proofCpuMs = 0; ///< host CPU time of CA + AA + PA (baseline: measured around the SDK's own calls)
    std::optional<std::string> failure; ///< why this read does not count: an error, no face, not VALID
};

/** can: the card's CAN. Never throws: a failed read is a ReadFigures with failure set. */
ReadFigures readOnce(Strategy strategy, const std::string& can, const std::shared_ptr<const TrustStore>& trust);

} // namespace cccd::bench
