// SecurityInfos (ICAO 9303-11 §9.2, BSI TR-03110-3 A.1): the SET OF SecurityInfo in EF.CardAccess,
// DG14 and EF.CardSecurity. Known infos are decoded; unknown ones are kept raw.
#pragma once

#include "core/bytes.hpp"

#include <optional>
#include <string>
#include <vector>

namespace cccd::lds {

/** PACEInfo: which PACE variant the chip offers, and its standardized domain parameters. */
struct PaceInfo {
    std::string protocol;              ///< e.g. 0.4.0.127.0.7.2.2.4.2.2 (id-PACE-ECDH-GM-AES-CBC-CMAC-128)
    std::uint64_t version = 0;
    std::optional<std::uint64_t> parameterId; ///< 0-2 DH groups, 8-18 curves (ICAO 9303-11 Table 6)
};

/** PACEDomainParameterInfo: explicit (proprietary) domain parameters, kept as DER. */
struct PaceDomainParameterInfo {
    std::string protocol;
    Bytes domainParameter; ///< AlgorithmIdentifier, DER
    std::optional<std::uint64_t> parameterId;
};

/** ChipAuthenticationInfo. */
struct ChipAuthenticationInfo {
    std::string protocol; ///< id-CA-(EC)DH-<cipher>
    std::uint64_t version = 0;
    std::optional<std::uint64_t> keyId;
};

/** ChipAuthenticationPublicKeyInfo (DG14): the chip's static key agreement key. */
struct ChipAuthenticationPublicKeyInfo {
    std::string protocol;  ///< id-PK-DH (0.4.0.127.0.7.2.2.1.1) or id-PK-ECDH (…1.2)
    Bytes subjectPublicKey; ///< SubjectPublicKeyInfo, DER
    std::optional<std::uint64_t> keyId;
};

/** TerminalAuthenticationInfo. */
struct TerminalAuthenticationInfo {
    std::uint64_t version = 0;
};

/** ActiveAuthenticationInfo (DG14): the digest/signature algorithm for INTERNAL AUTHENTICATE. */
struct ActiveAuthenticationInfo {
    std::uint64_t version = 0;
    std::string signatureAlgorithm; ///< OID, e.g. ecdsa-with-SHA256
};

/** Any SecurityInfo this parser does not decode. */
struct UnknownSecurityInfo {
    std::string protocol;
    Bytes encoded;
};

struct SecurityInfos {
    std::vector<PaceInfo> pace;
    std::vector<PaceDomainParameterInfo> paceDomainParameters;
    std::vector<ChipAuthenticationInfo> chipAuthentication;
    std::vector<ChipAuthenticationPublicKeyInfo> chipAuthenticationPublicKeys;
    std::vector<TerminalAuthenticationInfo> terminalAuthentication;
    std::vector<ActiveAuthenticationInfo> activeAuthentication;
    std::vector<UnknownSecurityInfo> unknown;
};

/** Parses a SET OF SecurityInfo. Bytes after the SET are ignored (a real card carries trailing garbage).
 *  context names the file in errors ("EF.CardAccess", "DG14"). */
SecurityInfos parseSecurityInfos(ByteView setOfSecurityInfo, const std::string& context);

/** True if the chip offers PACE with Chip Authentication Mapping, which requires a signed EF.CardSecurity in the MF
 *  (ICAO 9303-11 §4.4.3.5). */
bool announcesCardSecurity(const SecurityInfos& cardAccess);

/** EF.CardAccess (FID 011C) is a bare SET OF SecurityInfo. */
SecurityInfos parseCardAccess(ByteView file);

} // namespace cccd::lds
