// Proving the chip is not a copy. Chip Authentication (ICAO 9303-11 §6.2): key agreement with the chip's
// static key from DG14, then secure messaging re-keyed; only a chip holding the private key can go on.
// Active Authentication (§6.1): the chip signs a fresh random challenge with the key of DG15.
#pragma once

#include "cccd/verification.hpp"
#include "crypto/crypto.hpp"
#include "icao/secure_channel.hpp"
#include "lds/security_infos.hpp"

#include <optional>

namespace cccd::icao {

/** Runs CA over the secure channel and re-keys it. PASSED only if a command under the new keys succeeds. */
CheckResult performChipAuthentication(SecureChannel& channel, const lds::SecurityInfos& dg14, crypto::Random& random);

/** Runs AA with the DG15 key (SubjectPublicKeyInfo DER); the digest comes from DG14's ActiveAuthenticationInfo. */
CheckResult performActiveAuthentication(ApduChannel& channel, ByteView dg15PublicKey, const std::optional<lds::SecurityInfos>& dg14,
                                        crypto::Random& random);

/** ISO/IEC 9796-2 scheme 1 (partial message recovery): checks the recovered message F against the challenge. */
bool iso9796MessageMatches(ByteView recovered, ByteView challenge);

} // namespace cccd::icao
