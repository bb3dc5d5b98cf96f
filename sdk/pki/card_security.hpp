// EF.CardSecurity (ICAO 9303-11 §9.2.2, BSI TR-03110): the chip's SecurityInfos signed like EF.SOD (no 77
// wrapper). Checked with the same signature and chain code.
#pragma once

#include "cccd/trust_store.hpp"
#include "cccd/verification.hpp"
#include "core/bytes.hpp"

#include <ctime>

namespace cccd::pki {

/** PASSED: signed by a Document Signer of a trusted CSCA. FAILED: altered, forged or revoked. NOT_CHECKED: the
 *  signer or its CSCA is unknown. */
CheckResult verifyCardSecurity(ByteView file, const TrustStore& trust, std::time_t at);

} // namespace cccd::pki
