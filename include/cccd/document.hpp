// The holder's data as read from the chip: the Vietnamese DG13 fields and the MRZ of DG1.
// Field names follow the JSON report (docs/cli.md). Fields the card does not hold are empty optionals.
// This is sensitive personal data (Decree 13/2023/NĐ-CP): never log it; mask with maskId/maskText.
#pragma once

#include <optional>
#include <string>

namespace cccd {

/** The machine readable zone of DG1, field by field (ICAO 9303-5). */
struct MrzData {
    std::string documentCode;        ///< "ID" (Vietnamese cards), "P" (passports)
    std::string issuingState;        ///< "VNM"
    std::string documentNumber;      ///< CCCD: the last 9 digits of the ID number
    std::string dateOfBirth;         ///< YYMMDD
    std::string sex;                 ///< "M", "F" or "<"
    std::string dateOfExpiry;        ///< YYMMDD
    std::string nationality;         ///< "VNM"
    std::string optionalData;        ///< CCCD: the 12-digit ID number first
    std::string primaryIdentifier;   ///< surname without diacritics
    std::string secondaryIdentifier; ///< given names without diacritics
    bool checkDigitsValid = false;   ///< every MRZ check digit verified

    /// Copies and moves the data (every text is wiped when the object is destroyed or replaced by assignment).
    ///@{
    MrzData() = default;
    MrzData(const MrzData&) = default;
    MrzData(MrzData&&) noexcept = default;
    MrzData& operator=(const MrzData& other);
    MrzData& operator=(MrzData&& other) noexcept;
    ~MrzData();
    ///@}
};

/** The holder's data (DG13 and DG1), as the report's "document" object. */
struct Document {
    std::optional<std::string> idNumber;        ///< 12 digits
    std::optional<std::string> oldIdNumber;     ///< the 9-digit CMND, when the card has one
    std::optional<std::string> fullName;        ///< UTF-8 with diacritics, e.g. "Nguyễn Văn An"
    std::optional<std::string> dateOfBirth;     ///< ISO 8601, "1990-01-01"
    std::optional<std::string> sex;             ///< "M", "F" or "X" (unspecified); none without DG1/DG13
    std::optional<std::string> nationality;     ///< "Việt Nam"
    std::optional<std::string> ethnicity;       ///< sensitive (Decree 13/2023): "Kinh"
    std::optional<std::string> religion;        ///< sensitive (Decree 13/2023): "Không"
    std::optional<std::string> placeOfOrigin;   ///< quê quán
    std::optional<std::string> placeOfResidence; ///< nơi thường trú
    std::optional<std::string> personalIdentification; ///< identifying marks (đặc điểm nhận dạng)
    std::optional<std::string> dateOfIssue;     ///< ISO 8601
    std::optional<std::string> dateOfExpiry;    ///< ISO 8601; empty when the card does not expire
    std::optional<std::string> fatherName;      ///< UTF-8
    std::optional<std::string> motherName;      ///< UTF-8
    std::optional<std::string> spouseName;      ///< UTF-8; empty when the card names none
    std::optional<MrzData> mrz;                 ///< DG1, field by field

    /// Copies and moves the data (every text is wiped when the object is destroyed or replaced by assignment).
    ///@{
    Document() = default;
    Document(const Document&) = default;
    Document(Document&&) noexcept = default;
    Document& operator=(const Document& other);
    Document& operator=(Document&& other) noexcept;
    ~Document();
    ///@}
};

} // namespace cccd
