// The signature of a CMS SignedData (RFC 5652 §5.6) as ICAO 9303 uses it for EF.SOD and EF.CardSecurity:
// one SignerInfo, its certificate found in the certificate set, its signature checked. Trust (the chain to
// a CSCA) is a separate step.
#pragma once

#include "pki/openssl_pki.hpp"

#include <ctime>
#include <optional>
#include <string>

namespace cccd::pki {

struct SignatureCheck {
    enum class Outcome {
        Verified,       ///< the signer's certificate verifies the signature over the content
        SignerNotFound, ///< no certificate in the set matches the signer: nothing could be checked
        Unsupported,    ///< a shape the SDK does not verify (several signers)
        BadSignature,   ///< the signature does not verify with the signer's certificate
    };
    Outcome outcome = Outcome::SignerNotFound;
    X509Ptr signer;                         ///< the signer's certificate, when found
    std::string signatureAlgorithm;         ///< e.g. "ecdsa-with-SHA256", "RSASSA-PSS with SHA256"
    std::optional<std::time_t> signingTime; ///< the signingTime signed attribute, when present
    std::string note;                       ///< how the signer was found when not by its identifier
    std::string reason;                     ///< for people, when not Verified
};

/** Checks the (single) signer of cms. Never throws for malformed signer data: that is BadSignature. */
SignatureCheck checkSignedData(CMS_ContentInfo* cms);

} // namespace cccd::pki
