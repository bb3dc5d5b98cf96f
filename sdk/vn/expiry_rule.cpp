#include "vn/expiry_rule.hpp"

#include <cstdlib>

namespace cccd::vn {

namespace {
constexpr int noExpiryAge = 58;
constexpr int graceYears = 2;
constexpr int ambiguousDays = 90; // issue dates this close to the 2-year boundary get both candidates

// Days from a to b, approximately (enough to judge closeness to a boundary).
int daysBetween(const Date& a, const Date& b) { return (b.year - a.year) * 365 + (b.month - a.month) * 30 + (b.day - a.day); }

std::vector<int> thresholdsFor(const Date& issue)
{
    if (!(issue < Date{2024, 7, 1})) return {14, 25, 40, 60};
    return {25, 40, 60};
}
} // namespace

std::vector<Date> expiryCandidates(const Date& birth, const Date& issue)
{
    if (ageOn(birth, issue) >= noExpiryAge) return {};
    std::vector<int> thresholds = thresholdsFor(issue);
    for (std::size_t i = 0; i < thresholds.size(); ++i) {
        Date at = birthdayAtAge(birth, thresholds[i]);
        if (!(issue < at)) continue; // threshold already passed
        Date boundary = birthdayAtAge(birth, thresholds[i] - graceYears); // issued on or after this: next threshold
        bool withinGrace = !(issue < boundary);
        std::vector<Date> out;
        bool hasNext = i + 1 < thresholds.size();
        Date next = hasNext ? birthdayAtAge(birth, thresholds[i + 1]) : Date{};
        if (withinGrace) {
            if (hasNext) out.push_back(next); // else: issued within 2 years of 60, never expires (age >= 58)
        } else {
            out.push_back(at);
        }
        if (std::abs(daysBetween(boundary, issue)) <= ambiguousDays) {
            if (withinGrace) out.push_back(at);
            else if (hasNext) out.push_back(next);
        }
        return out;
    }
    return {};
}

} // namespace cccd::vn
