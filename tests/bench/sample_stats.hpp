// Median, percentiles and spread of repeated measurements (nearest-rank percentiles: no interpolation
// between runs that never happened).
#pragma once

#include <vector>

namespace cccd::bench {

struct Spread {
    double median = 0, p95 = 0, min = 0, max = 0;
    int count = 0;
};

/** Nearest-rank percentile (0-100) of the samples; 0 for none. */
double percentile(std::vector<double> samples, double p);

Spread spreadOf(const std::vector<double>& samples);

} // namespace cccd::bench
