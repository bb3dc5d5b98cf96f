#include "bench_report.hpp"

#include <fstream>

namespace cccd::bench {

Summary summarize(const Configuration& c)
{
    Summary s;
    std::vector<double> total, first;
    for (const Run& r : c.runs) {
        if (r.read.failure) {
            ++s.failed;
            continue;
        }
        if (!s.typical) s.typical = &r;
        total.push_back(r.read.totalMs);
        first.push_back(r.read.firstDataMs);
    }
    s.total = spreadOf(total);
    s.firstData = spreadOf(first);
    return s;
}

double speedUp(const std::vector<Configuration>& all, const Configuration& ours)
{
    for (const Configuration& c : all) {
        if (c.strategy == Strategy::Baseline && c.rateKbps == ours.rateKbps && c.extendedLength == ours.extendedLength &&
            c.faceBytes == ours.faceBytes) {
            double baseline = summarize(c).total.median, mine = summarize(ours).total.median;
            return baseline > 0 && mine > 0 ? baseline / mine : 0;
        }
    }
    return 0;
}

double loadAverage()
{
    double one = 0;
    std::ifstream("/proc/loadavg") >> one;
    return one;
}

} // namespace cccd::bench
