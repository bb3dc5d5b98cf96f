// cccd-bench without --json: the tables docs/benchmarks.md shows.
#include "bench_report.hpp"

#include <cstdio>
#include <string>

namespace cccd::bench {

namespace {
std::string format(const char* fmt, double a, double b = 0, double c = 0)
{
    char buffer[96];
    std::snprintf(buffer, sizeof buffer, fmt, a, b, c);
    return buffer;
}

void printReads(const BenchReport& r, std::ostream& out)
{
    out << "Full reads: PACE-CAN, DG1, DG13, SOD, DG14, DG15, DG2, CA, AA, PA (median of the repetitions [min-max]; FSC/FSD "
        << r.link.fscBytes << '/' << r.link.fsdBytes << ")\n\n";
    out << "| strategy | kbit/s | extended | face | total ms [min-max] | first data ms (share of total; its floor) | APDUs | bytes to/from card | floor ms | ratio | speed-up |\n";
    out << "|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|\n";
    for (const Configuration& c : r.reads) {
        Summary s = summarize(c);
        out << "| " << nameOf(c.strategy) << " | " << c.rateKbps << " | " << (c.extendedLength ? "yes" : "no") << " | "
            << format("%.0f KB", static_cast<double>(c.faceBytes) / 1000) << " | ";
        if (!s.typical) {
            out << "FAILED (" << s.failed << " runs) | | | | | | |\n";
            continue;
        }
        out << format("%.0f [%.0f-%.0f]", s.total.median, s.total.min, s.total.max) << " | "
            << format("%.0f (%.0f%%; floor %.0f)", s.firstData.median, 100 * s.firstData.median / s.total.median, c.firstDataFloor.ms)
            << " | " << s.typical->read.apdus
            << " | " << s.typical->link.bytesToCard << " / " << s.typical->link.bytesFromCard << " | " << format("%.0f", c.floor.ms) << " | "
            << format("%.2f", s.total.median / c.floor.ms) << " | "
            << (c.strategy == Strategy::Cccd ? format("%.2fx", speedUp(r.reads, c)) : std::string()) << (s.failed ? " (failures!)" : "")
            << " |\n";
    }
}

void printDoor(const DoorFigures& d, std::ostream& out)
{
    out << "\nDoor check at 424 kbit/s: " << d.candidates << " candidates: " << d.admitted << " admitted, " << d.refused << " refused ("
        << d.notValid << " not VALID, " << d.noMatch << " face mismatch, " << d.notLive << " not live, " << d.noUsableFace
        << " no usable face), " << d.failed << " failed; card insertion to decision\n\n| step | median ms | p95 ms | max ms |\n|---|---:|---:|---:|\n";
    auto row = [&](const char* step, const Spread& s) { out << "| " << step << " | " << format("%.0f | %.0f | %.0f", s.median, s.p95, s.max) << " |\n"; };
    row("insertion to the card seen (pcscd polls the reader)", d.detection);
    row("insertion to read and verified", d.read);
    row("face match with liveness", d.faceMatch);
    row("**insertion to decision**", d.insertionToDecision);
}
} // namespace

void printTable(const BenchReport& r, std::ostream& out)
{
    if (!r.reads.empty()) printReads(r, out);
    if (r.face) {
        out << '\n';
        printFaceTable(*r.face, out);
    }
    if (r.proofCpuMs.count > 0) {
        out << "\nHost CPU of CA + AA + PA per read: " << format("%.1f ms (median of %.0f, p95 %.1f)\n", r.proofCpuMs.median, r.proofCpuMs.count, r.proofCpuMs.p95);
    }
    if (r.peakRssMb) out << format("\nPeak RSS of a full read with face match and liveness, in its own process: %.0f MB\n", *r.peakRssMb);
    if (r.door) printDoor(*r.door, out);
    out << format("\nMachine: %.0f CPUs, load average %.2f at start, %.2f at end\n", r.load.cpus, r.load.before, r.load.after);
}

} // namespace cccd::bench
