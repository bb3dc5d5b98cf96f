// EF.SOD (ICAO 9303-10 §4.6.2): tag 77 around a CMS SignedData whose content is the LDSSecurityObject
// (hash algorithm and one hash per data group). Parsing only: passive authentication is in sdk/pki.
#pragma once

#include "core/bytes.hpp"
#include "crypto/crypto.hpp"

#include <map>
#include <optional>
#include <string>

namespace cccd::lds {

struct SecurityObject {
    std::string hashAlgorithmOid;
    std::optional<crypto::HashAlgorithm> hashAlgorithm; ///< nothing for an algorithm the SDK does not know
    std::map<int, Bytes> dataGroupHashes;              ///< data group number -> hash
    std::string ldsVersion;                            ///< from LDSVersionInfo, if present
    Bytes signedData;                                  ///< the CMS ContentInfo (without the 77 wrapper), for verification
};

SecurityObject parseSod(ByteView file);

/** The hash algorithm of a digest OID (SHA-1/224/256/384/512), if known. */
std::optional<crypto::HashAlgorithm> hashAlgorithmFor(const std::string& oid);

} // namespace cccd::lds
