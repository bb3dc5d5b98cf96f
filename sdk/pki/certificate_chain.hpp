// From a Document Signer certificate to a trusted CSCA (ICAO 9303-12 §7): built here, not by OpenSSL's
// chain builder, because most CSCAs use explicit EC parameters (X509 error 94). Then revocation, with
// only the CRLs the CSCA itself signed.
#pragma once

#include "pki/trust_store_impl.hpp"

#include <ctime>
#include <optional>
#include <string>
#include <vector>

namespace cccd::pki {

struct CscaMatch {
    enum class Outcome {
        Trusted,     ///< a trusted CSCA named as the issuer signed the certificate
        UnknownCsca, ///< no trusted CSCA by that name (or that key identifier): nothing to check against
        Forged,      ///< it names a trusted CSCA (and its key) as the issuer, but that CSCA did not sign it
    };
    Outcome outcome = Outcome::UnknownCsca;
    const X509* csca = nullptr;
    std::string reason;
};

/** The trusted CSCA that signed documentSigner. A CSCA re-issues its certificate for the same key with new dates:
 *  of several that verify, the one valid at the time given (when the signature was made) is preferred. */
CscaMatch findCsca(const X509* documentSigner, const TrustStore::Impl& trust, std::optional<std::time_t> when = std::nullopt);

struct Revocation {
    bool revoked = false;
    std::string reason;             ///< when revoked
    std::vector<std::string> notes; ///< CRLs ignored (not signed by the CSCA) or out of date, or none given
};

/** Revocation of documentSigner on the day at, by the CRLs the CSCA signed. A CRL by anyone else is ignored; an
 *  authentic but stale CRL still revokes (revocation is permanent) but does not prove "not revoked". */
Revocation checkRevocation(const X509* documentSigner, const X509* csca, const TrustStore::Impl& trust, std::time_t at);

} // namespace cccd::pki
