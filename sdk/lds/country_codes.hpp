// State codes: the MRZ writes ISO 3166-1 alpha-3 codes with ICAO's exceptions (9303-3 §5: "D" for Germany,
// GBD/GBN/... for British nationals, RKS for Kosovo); certificates write alpha-2 in C=.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace cccd::lds {

struct CountryCode {
    const char* alpha3;
    const char* alpha2;
};

/** Every ISO 3166-1 country (generated from Debian's iso-codes). */
const std::vector<CountryCode>& iso3166Countries();

/** The alpha-2 codes a CSCA or Document Signer of the state with this MRZ code may carry in C= (e.g. "VNM" -> VN;
 *  "CHN" -> CN, HK, MO; "D" -> DE). Empty for codes that name no state (UNO, XXA, ...). */
std::vector<std::string> certificateCountriesFor(std::string_view mrzStateCode);

} // namespace cccd::lds
