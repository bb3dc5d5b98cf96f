// Is the document what it claims? A genuine SOD of one state cannot vouch for a document of another: the
// issuing state of DG1 must be the country of the Document Signer and of the CSCA; on a CCCD the ID number
// of DG13 must be the one DG1 carries.
#pragma once

#include "cccd/verification.hpp"
#include "lds/dg13_vn.hpp"
#include "lds/mrz.hpp"

#include <optional>
#include <string>

namespace cccd::reading {

struct SignerCountries {
    std::string documentSigner; ///< C= of the Document Signer (alpha-2), empty if unknown
    std::string csca;           ///< C= of the trusted CSCA, empty if none matched
};

CheckResult checkConsistency(const std::optional<lds::Mrz>& mrz, const std::optional<lds::Dg13>& dg13, const SignerCountries& signers);

} // namespace cccd::reading
