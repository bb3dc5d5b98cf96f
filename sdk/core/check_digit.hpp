// ICAO 9303-3 check digits (weights 7, 3, 1; '<' = 0, A = 10 ... Z = 35).
#pragma once

#include <string_view>

namespace cccd {

/** The check digit character ('0'-'9') of an MRZ field. Throws cccd::Error on a character outside 0-9, A-Z, '<'. */
char mrzCheckDigit(std::string_view field);

} // namespace cccd
