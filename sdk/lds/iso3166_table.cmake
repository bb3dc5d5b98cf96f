# Writes the ISO 3166-1 alpha-3 -> alpha-2 table from Debian's iso-codes (a maintained list, not a copy of ours).
set(iso3166_json /usr/share/iso-codes/json/iso_3166-1.json)
if(NOT EXISTS ${iso3166_json})
  message(FATAL_ERROR "${iso3166_json} not found: install Debian iso-codes (scripts/setup does)")
endif()
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${iso3166_json})
file(READ ${iso3166_json} iso3166)
string(JSON iso3166_count LENGTH "${iso3166}" "3166-1")
math(EXPR iso3166_last "${iso3166_count} - 1")
set(iso3166_rows "")
foreach(i RANGE ${iso3166_last})
  string(JSON alpha2 GET "${iso3166}" "3166-1" ${i} alpha_2)
  string(JSON alpha3 GET "${iso3166}" "3166-1" ${i} alpha_3)
  string(APPEND iso3166_rows "    {\"${alpha3}\", \"${alpha2}\"},\n")
endforeach()
file(CONFIGURE OUTPUT ${CMAKE_CURRENT_BINARY_DIR}/iso3166_table.cpp CONTENT
"// Generated from ${iso3166_json} by sdk/lds/iso3166_table.cmake.
#include \"lds/country_codes.hpp\"

namespace cccd::lds {
const std::vector<CountryCode>& iso3166Countries()
{
    static const std::vector<CountryCode> table{
${iso3166_rows}    };
    return table;
}
} // namespace cccd::lds
" @ONLY)
