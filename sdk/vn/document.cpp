// The holder's text is wiped from memory when it is released (Decree 13/2023/NĐ-CP): on destruction, and on
// assignment through the destructor (wipeAndReplace), so each destructor is the one list of the text fields.
#include "cccd/document.hpp"

#include "core/secure.hpp"

namespace cccd {

MrzData::~MrzData()
{
    for (std::string* text : {&documentCode, &issuingState, &documentNumber, &dateOfBirth, &sex, &dateOfExpiry,
             &nationality, &optionalData, &primaryIdentifier, &secondaryIdentifier})
        wipe(*text);
}

MrzData& MrzData::operator=(const MrzData& other) { return wipeAndReplace(*this, other); }
MrzData& MrzData::operator=(MrzData&& other) noexcept { return wipeAndReplace(*this, std::move(other)); }

Document::~Document()
{
    // mrz wipes itself (~MrzData).
    for (std::optional<std::string>* text : {&idNumber, &oldIdNumber, &fullName, &dateOfBirth, &sex, &nationality,
             &ethnicity, &religion, &placeOfOrigin, &placeOfResidence, &personalIdentification, &dateOfIssue,
             &dateOfExpiry, &fatherName, &motherName, &spouseName})
        if (*text) wipe(**text);
}

Document& Document::operator=(const Document& other) { return wipeAndReplace(*this, other); }
Document& Document::operator=(Document&& other) noexcept { return wipeAndReplace(*this, std::move(other)); }

} // namespace cccd
