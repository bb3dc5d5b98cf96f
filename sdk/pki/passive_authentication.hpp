// Passive authentication (ICAO 9303-11 §5.1): the SOD's signature, every data group's hash, and the chain
// from the Document Signer to a trusted CSCA — built here because OpenSSL's chain builder refuses the
// explicit EC parameters many CSCAs use.
#pragma once

#include "cccd/trust_store.hpp"
#include "cccd/verification.hpp"
#include "core/bytes.hpp"

#include <ctime>
#include <map>
#include <string>

namespace cccd::pki {

/** files: the raw files read ("SOD", "DG1", ...). now: the time to check certificate validity at. */
PassiveAuthenticationResult verifyPassive(const std::map<std::string, Bytes>& files, const TrustStore& trust, std::time_t now);

} // namespace cccd::pki
