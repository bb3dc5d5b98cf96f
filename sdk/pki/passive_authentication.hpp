// Passive authentication (ICAO 9303-11 §5.1): the SOD's signature, every data group's hash, the chain
// from the Document Signer to a trusted CSCA, its validity when it signed, and revocation. The SOD, not the
// chip or EF.COM, says what the document holds: a data group the caller shows must be listed in it.
#pragma once

#include "cccd/trust_store.hpp"
#include "cccd/verification.hpp"
#include "core/bytes.hpp"
#include "pki/openssl_pki.hpp"

#include <ctime>
#include <map>
#include <optional>
#include <set>
#include <string>

namespace cccd::pki {

struct PassiveInput {
    const std::map<std::string, Bytes>& files; ///< the raw files read ("SOD", "DG1", ...)
    std::set<int> shown;                       ///< data groups the caller shows or relies on: they must be in the SOD
    std::set<int> withheld;                    ///< data groups the chip refused to give
    std::time_t at = 0;                        ///< the day to check validity at
    std::optional<std::time_t> dateOfIssue;    ///< the signing date to assume when the SOD has no signingTime
};

struct PassiveOutcome {
    PassiveAuthenticationResult result;
    std::optional<ValidityPeriod> documentSigner, csca;
    std::string documentSignerCountry, cscaCountry; ///< ISO 3166 alpha-2 of the certificates' subjects
};

PassiveOutcome verifyPassive(const PassiveInput& input, const TrustStore& trust);

/** The dates of a certificate against the day at. */
ValidityPeriod validityOf(const X509* cert, std::time_t at);

} // namespace cccd::pki
