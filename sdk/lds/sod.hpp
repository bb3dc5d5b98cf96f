// EF.SOD (ICAO 9303-10 §4.6.2): tag 77 around a CMS SignedData whose content is the LDSSecurityObject
// (hash algorithm and one hash per data group). Parsing only: passive authentication is in sdk/pki.
#pragma once

#include "core/bytes.hpp"
#include "crypto/crypto.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace cccd::lds {

struct SecurityObject {
    std::string hashAlgorithmOid;
    std::optional<crypto::HashAlgorithm> hashAlgorithm; ///< nothing for an algorithm the SDK does not know
    std::map<int, Bytes> dataGroupHashes;              ///< data group number -> hash
    std::vector<int> duplicateDataGroups;              ///< numbers listed more than once (a well-formed SOD has none)
    std::string ldsVersion;                            ///< from LDSVersionInfo ("0108"), if present
    std::string unicodeVersion;                        ///< from LDSVersionInfo, if present
    bool contentTypeIsData = false; ///< eContentType is id-data instead of id-icao-ldsSecurityObject (seen on real documents)
    Bytes signedData;               ///< the CMS ContentInfo (without the 77 wrapper), for verification

    /** True / false if the SOD lists data group dg and the content's hash does / does not match it; nothing if
     *  it is not listed or the hash algorithm is unknown. */
    std::optional<bool> matches(int dg, ByteView content) const;
};

/** Parses EF.SOD. Throws ParseError when it is not an LDSSecurityObject in a CMS SignedData. */
SecurityObject parseSod(ByteView file);

/** The hash algorithm of a digest OID (SHA-1/224/256/384/512), if known. */
std::optional<crypto::HashAlgorithm> hashAlgorithmFor(const std::string& oid);
/** "SHA-256" etc. */
const char* hashAlgorithmName(crypto::HashAlgorithm algorithm);

} // namespace cccd::lds
