#include "sample_stats.hpp"

#include <algorithm>
#include <cmath>

namespace cccd::bench {

double percentile(std::vector<double> samples, double p)
{
    if (samples.empty()) return 0;
    std::sort(samples.begin(), samples.end());
    if (p == 50 && samples.size() % 2 == 0) { // the usual median of an even count
        std::size_t upper = samples.size() / 2;
        return (samples[upper - 1] + samples[upper]) / 2;
    }
    auto rank = static_cast<std::size_t>(std::ceil(p / 100.0 * static_cast<double>(samples.size())));
    return samples[std::clamp<std::size_t>(rank, 1, samples.size()) - 1];
}

Spread spreadOf(const std::vector<double>& samples)
{
    Spread s;
    s.count = static_cast<int>(samples.size());
    if (samples.empty()) return s;
    s.median = percentile(samples, 50);
    s.p95 = percentile(samples, 95);
    auto [lo, hi] = std::minmax_element(samples.begin(), samples.end());
    s.min = *lo;
    s.max = *hi;
    return s;
}

} // namespace cccd::bench
