// Dates as the Vietnamese card writes them (dd/mm/yyyy in DG13, ddMMyyyy in the QR) and as ISO 8601.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace cccd::vn {

struct Date {
    int year = 0, month = 0, day = 0;
    bool operator<(const Date& o) const noexcept;
    bool operator==(const Date& o) const noexcept { return year == o.year && month == o.month && day == o.day; }
    std::string iso() const;     ///< "1990-01-31"
    std::string yymmdd() const;  ///< "900131"
};

/** Parses "dd/mm/yyyy", "ddMMyyyy" or "yyyy-mm-dd"; nothing if it is not a valid calendar date. */
std::optional<Date> parseDate(std::string_view text);

/** Whole years from birth to a day (age on that day). */
int ageOn(const Date& birth, const Date& day) noexcept;

/** The birthday in the year birth.year + years (29 February becomes 28 February in other years). */
Date birthdayAtAge(const Date& birth, int years) noexcept;

} // namespace cccd::vn
