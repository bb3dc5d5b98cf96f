// Everything one cccd-bench run measured, and its two forms: a table for people, JSON for tools
// (CONTRACTS.md fixes the keys of "runs"; more keys may be added beside them).
#pragma once

#include "door_check.hpp"
#include "face_pipeline.hpp"
#include "link_model.hpp"
#include "read_matrix.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <ostream>
#include <vector>

namespace cccd::bench {

struct MachineLoad {
    double before = 0, after = 0; ///< 1-minute load average when the benchmark started and ended
    unsigned cpus = 0;
};

struct BenchReport {
    std::vector<Configuration> reads;
    vcard::LinkModel link; ///< the model's constants (at one rate), for the record
    std::optional<FaceStages> face;
    Spread proofCpuMs;               ///< host CPU of CA + AA + PA per read
    std::optional<double> peakRssMb; ///< one read with face match, in its own process
    std::optional<DoorFigures> door;
    MachineLoad load;
};

/** The median run figures of a configuration (runs that failed are left out). */
struct Summary {
    Spread total, firstData;
    const Run* typical = nullptr; ///< a successful run, for the counts (identical from run to run)
    int failed = 0;
};
Summary summarize(const Configuration& c);

/** The baseline's median total divided by ours, for the same rate, chip and face; 0 when either is missing. */
double speedUp(const std::vector<Configuration>& all, const Configuration& ours);

nlohmann::json toJson(const BenchReport& report);
void printTable(const BenchReport& report, std::ostream& out);

/** 1-minute load average now. */
double loadAverage();

} // namespace cccd::bench
