// DG1 of a Vietnamese card: a TD1 MRZ with the layout seen on CCCD (IDVNM, the last 9 digits of the ID
// as document number, the full 12-digit ID in the optional data) and correct check digits.
#pragma once

#include "cccd/document.hpp"
#include "core/bytes.hpp"

#include <string>

namespace cccd::vcard {

/** Uppercase ASCII without diacritics: "Nguyễn Văn Đức" -> "NGUYEN VAN DUC". */
std::string transliterate(const std::string& utf8);

/** The three 30-character lines. */
std::string vietnameseTd1(const Document& document);

/** DG1: 61 { 5F1F MRZ }. */
Bytes encodeDg1(const Document& document);

} // namespace cccd::vcard
