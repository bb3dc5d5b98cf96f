#include "lds/country_codes.hpp"

#include <algorithm>

namespace cccd::lds {

namespace {
struct Exception {
    std::string_view mrz;
    std::vector<std::string> countries;
};

// ICAO 9303-3 codes that are not ISO alpha-3, and states whose regions run their own CSCA.
const std::vector<Exception>& exceptions()
{
    static const std::vector<Exception> table{
        {"D", {"DE"}},           {"GBD", {"GB"}}, {"GBN", {"GB"}}, {"GBO", {"GB"}}, {"GBP", {"GB"}},
        {"GBS", {"GB"}},         {"RKS", {"XK"}}, {"EUE", {"EU"}}, {"CHN", {"CN", "HK", "MO"}},
    };
    return table;
}
} // namespace

std::vector<std::string> certificateCountriesFor(std::string_view code)
{
    std::string trimmed(code.substr(0, code.find('<')));
    for (const Exception& e : exceptions()) {
        if (e.mrz == trimmed) return e.countries;
    }
    const auto& table = iso3166Countries();
    auto it = std::find_if(table.begin(), table.end(), [&trimmed](const CountryCode& c) { return trimmed == c.alpha3; });
    if (it == table.end()) return {};
    return {it->alpha2};
}

} // namespace cccd::lds
