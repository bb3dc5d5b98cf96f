#include "vn/dates.hpp"

#include <cstdio>
#include <tuple>

namespace cccd::vn {

namespace {
bool isLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int daysIn(int y, int m)
{
    static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && isLeap(y) ? 29 : days[m - 1];
}

std::optional<int> number(std::string_view s)
{
    if (s.empty()) return std::nullopt;
    int v = 0;
    for (char c : s) {
        if (c < '0' || c > '9') return std::nullopt;
        v = v * 10 + (c - '0');
    }
    return v;
}

std::optional<Date> make(std::optional<int> y, std::optional<int> m, std::optional<int> d)
{
    if (!y || !m || !d || *y < 1900 || *y > 2200 || *m < 1 || *m > 12 || *d < 1 || *d > daysIn(*y, *m)) return std::nullopt;
    return Date{*y, *m, *d};
}
} // namespace

bool Date::operator<(const Date& o) const noexcept { return std::tie(year, month, day) < std::tie(o.year, o.month, o.day); }

std::string Date::iso() const
{
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
    return buf;
}

std::string Date::yymmdd() const
{
    char buf[8];
    std::snprintf(buf, sizeof buf, "%02d%02d%02d", year % 100, month, day);
    return buf;
}

std::optional<Date> parseDate(std::string_view t)
{
    if (t.size() == 10 && t[2] == '/' && t[5] == '/') return make(number(t.substr(6, 4)), number(t.substr(3, 2)), number(t.substr(0, 2)));
    if (t.size() == 10 && t[4] == '-' && t[7] == '-') return make(number(t.substr(0, 4)), number(t.substr(5, 2)), number(t.substr(8, 2)));
    if (t.size() == 8) return make(number(t.substr(4, 4)), number(t.substr(2, 2)), number(t.substr(0, 2)));
    return std::nullopt;
}

int ageOn(const Date& birth, const Date& day) noexcept
{
    int age = day.year - birth.year;
    if (std::tie(day.month, day.day) < std::tie(birth.month, birth.day)) --age;
    return age;
}

Date birthdayAtAge(const Date& birth, int years) noexcept
{
    Date d{birth.year + years, birth.month, birth.day};
    if (d.month == 2 && d.day == 29 && !isLeap(d.year)) d.day = 28;
    return d;
}

} // namespace cccd::vn
