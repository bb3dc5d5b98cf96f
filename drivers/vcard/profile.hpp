// A virtual citizen: the profile JSON of CONTRACTS.md (document fields, face image, PKI folder, chip options).
#pragma once

#include "cccd/document.hpp"

#include <cstddef>
#include <optional>
#include <string>

namespace cccd::vcard {

struct ChipOptions {
    bool pace = true;
    bool bac = true;
    bool chipAuthentication = true;
    std::string chipAuthenticationKey = "ecdh-brainpoolP256r1"; ///< or "dh-2048" (RFC 5114 2048/256 group)
    std::optional<std::string> activeAuthentication = std::string("ecdsa-p256"); ///< "ecdsa-p256", "rsa-2048" or none
    bool cardSecurity = false; ///< also offer PACE-CAM in EF.CardAccess and serve a signed EF.CardSecurity in the MF
    bool extendedLength = true;
    std::size_t maxLe = 65536;
};

struct Profile {
    Document document;           ///< the fields as ISO dates and UTF-8 text
    std::string faceImagePath;   ///< resolved against the profile's folder
    std::optional<std::string> pkiFolder;
    ChipOptions chip;
};

/** Reads a profile file; throws Error(InvalidArgument / NotFound) naming the problem. */
Profile loadProfile(const std::string& path);

} // namespace cccd::vcard
