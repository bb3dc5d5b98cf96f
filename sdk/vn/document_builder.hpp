// Builds the public Document from the parsed DG1 (MRZ) and the Vietnamese DG13.
#pragma once

#include "cccd/document.hpp"
#include "lds/dg13_vn.hpp"
#include "lds/mrz.hpp"

#include <optional>

namespace cccd::vn {

/** Numbers of the DG13 fields (CCCD.md). */
enum Dg13Field : int {
    idNumber = 1, fullName = 2, dateOfBirth = 3, sex = 4, nationality = 5, ethnicity = 6, religion = 7,
    placeOfOrigin = 8, placeOfResidence = 9, personalIdentification = 10, dateOfIssue = 11, dateOfExpiry = 12,
    parents = 13, spouse = 14, oldIdNumber = 15, cardSerial = 16,
};

/** DG13 fields where present; the MRZ fills what DG13 lacks (e.g. other countries' documents). */
Document buildDocument(const std::optional<lds::Mrz>& mrz, const std::optional<lds::Dg13>& dg13);

} // namespace cccd::vn
