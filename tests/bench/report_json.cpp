// cccd-bench --json (CONTRACTS.md): "runs" with the fixed keys, one entry per strategy and configuration
// (medians over the repetitions, with their spread), then the link constants, face, host, door and load.
#include "bench_report.hpp"

namespace cccd::bench {

namespace {
double rounded(double v) { return static_cast<double>(static_cast<long long>(v * 10 + (v < 0 ? -0.5 : 0.5))) / 10; }

nlohmann::json spreadJson(const Spread& s)
{
    return {{"median_ms", rounded(s.median)}, {"p95_ms", rounded(s.p95)}, {"min_ms", rounded(s.min)}, {"max_ms", rounded(s.max)}, {"count", s.count}};
}

nlohmann::json runJson(const std::vector<Configuration>& all, const Configuration& c)
{
    Summary s = summarize(c);
    nlohmann::json j = {{"strategy", nameOf(c.strategy)}, {"bit_rate_kbps", c.rateKbps}, {"extended_length", c.extendedLength},
                        {"face_bytes", c.faceBytes}, {"total_ms", rounded(s.total.median)}, {"first_data_ms", rounded(s.firstData.median)}};
    const ExchangeTotals link = s.typical ? s.typical->link : ExchangeTotals{};
    j["apdus"] = s.typical ? s.typical->read.apdus : 0;
    j["bytes"] = link.bytesToCard + link.bytesFromCard;
    j["floor_ms"] = rounded(c.floor.ms);
    j["ratio_to_floor"] = c.floor.ms > 0 && s.total.count > 0 ? rounded(s.total.median / c.floor.ms * 100) / 100 : 0.0;
    // Added keys: the spread, what crossed the link, the floor's own counts.
    j["repetitions"] = c.runs.size();
    j["failed_runs"] = s.failed;
    j["total_ms_min"] = rounded(s.total.min);
    j["total_ms_max"] = rounded(s.total.max);
    j["first_data_ms_min"] = rounded(s.firstData.min);
    j["first_data_ms_max"] = rounded(s.firstData.max);
    j["bytes_to_card"] = link.bytesToCard;
    j["bytes_from_card"] = link.bytesFromCard;
    j["i_blocks_to_card"] = link.blocksToCard;
    j["i_blocks_from_card"] = link.blocksFromCard;
    j["link_model_ms"] = rounded(link.modelledMs);
    j["first_data_floor_ms"] = rounded(c.firstDataFloor.ms);
    j["floor_apdus"] = c.floor.apdus;
    j["floor_bytes"] = c.floor.bytes;
    if (c.strategy == Strategy::Cccd) j["speedup_over_baseline"] = rounded(speedUp(all, c) * 100) / 100;
    return j;
}
} // namespace

nlohmann::json toJson(const BenchReport& r)
{
    nlohmann::json out;
    out["runs"] = nlohmann::json::array();
    for (const Configuration& c : r.reads) out["runs"].push_back(runJson(r.reads, c));
    out["link_model"] = {{"fsc", r.link.fscBytes}, {"fsd", r.link.fsdBytes}, {"apdu_overhead_ms", r.link.apduOverheadMs},
                         {"block_turnaround_ms", r.link.blockTurnaroundMs}, {"public_key_operation_ms", r.link.publicKeyOperationMs},
                         {"bits_per_byte", 10}};
    if (r.face) {
        const FaceStages& f = *r.face;
        out["face_pipeline"] = {{"frames", f.frames}, {"blas", f.blas}, {"liveness", f.withLiveness},
                                {"decode", spreadJson(f.decode)}, {"detect", spreadJson(f.detect)}, {"quality", spreadJson(f.quality)},
                                {"embed", spreadJson(f.embed)}, {"liveness_check", spreadJson(f.liveness)}, {"per_frame", spreadJson(f.total)}};
    }
    out["host"] = {{"pa_ca_aa_cpu", spreadJson(r.proofCpuMs)}, {"peak_rss_mb", r.peakRssMb ? nlohmann::json(rounded(*r.peakRssMb)) : nlohmann::json()}};
    if (r.door) {
        const DoorFigures& d = *r.door;
        out["door_check"] = {{"candidates", d.candidates}, {"admitted", d.admitted}, {"refused", d.refused}, {"failed", d.failed},
                             {"refused_not_valid", d.notValid}, {"refused_no_match", d.noMatch}, {"refused_not_live", d.notLive},
                             {"refused_no_usable_face", d.noUsableFace},
                             {"insertion_to_decision", spreadJson(d.insertionToDecision)}, {"detection", spreadJson(d.detection)},
                             {"read", spreadJson(d.read)},
                             {"face_match", spreadJson(d.faceMatch)}};
    }
    out["machine"] = {{"cpus", r.load.cpus}, {"load_average_start", r.load.before}, {"load_average_end", r.load.after}};
    return out;
}

} // namespace cccd::bench
