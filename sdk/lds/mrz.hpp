// Machine readable zones (ICAO 9303-4/-5): TD1 (3 x 30), TD2 (2 x 36), TD3 (2 x 44), fields and check digits.
#pragma once

#include <string>
#include <string_view>

namespace cccd::lds {

struct Mrz {
    enum class Format { TD1, TD2, TD3 };
    Format format = Format::TD1;
    std::string documentCode;       ///< "ID", "I", "P" (fillers removed)
    std::string issuingState;
    std::string documentNumber;     ///< full number, long-number rule applied, fillers removed
    std::string dateOfBirth;        ///< YYMMDD
    std::string sex;                ///< "M", "F" or "<"
    std::string dateOfExpiry;       ///< YYMMDD
    std::string nationality;
    std::string optionalData;       ///< TD1 line 1 optional data as printed (Vietnam: the 12-digit ID first)
    std::string optionalData2;      ///< TD1 line 2 optional data / TD3 personal number
    std::string primaryIdentifier;  ///< surname, fillers as spaces
    std::string secondaryIdentifier;///< given names, fillers as spaces
    bool documentNumberValid = false, dateOfBirthValid = false, dateOfExpiryValid = false, compositeValid = false;

    bool allCheckDigitsValid() const noexcept
    {
        return documentNumberValid && dateOfBirthValid && dateOfExpiryValid && compositeValid;
    }
};

/** Parses an MRZ given as its lines (with or without line breaks). Structure errors throw
 *  Error(InvalidArgument) / ParseError; bad check digits are reported in the result, not thrown. */
Mrz parseMrz(std::string_view text);

} // namespace cccd::lds
