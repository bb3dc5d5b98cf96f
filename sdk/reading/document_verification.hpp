// Assembles the verification report of a document from its files and what the chip did: passive
// authentication of everything shown, the keys CA/AA may use, consistency, EF.CardSecurity, expiry and
// the verdict. Used by readCard (live) and verifyFiles (offline), so both judge alike.
#pragma once

#include "cccd/trust_store.hpp"
#include "cccd/verification.hpp"
#include "core/bytes.hpp"
#include "reading/document_files.hpp"

#include <ctime>
#include <map>
#include <optional>
#include <set>
#include <string>

namespace cccd::reading {

struct ChipEvidence {
    bool live = false;        ///< the chip was there (false: files checked offline)
    bool faceShown = false;   ///< DG2 was read to show the face
    std::set<int> withheld;   ///< data groups the chip refused to give
    CheckResult chipAuthentication;
    CheckResult activeAuthentication;
};

/** The data groups the caller shows: DG1, DG13 when it is a CCCD's (read or withheld), DG2 when the face is shown. */
std::set<int> shownDataGroups(const DocumentFiles& parsed, const std::map<std::string, Bytes>& files, const ChipEvidence& chip);

VerificationReport verifyDocument(const std::map<std::string, Bytes>& files, const DocumentFiles& parsed, const ChipEvidence& chip,
                                  const TrustStore& trust, std::time_t at);

/** The trust store of the options; throws Error naming an unusable path. */
TrustStore loadTrust(const std::vector<std::string>& paths, bool useDefault);

} // namespace cccd::reading
