#include "bench_options.hpp"

#include <CLI/CLI.hpp>

#include <iostream>

namespace cccd::bench {

namespace {
std::vector<Strategy> strategiesNamed(const std::vector<std::string>& names)
{
    std::vector<Strategy> out;
    for (const std::string& n : names) out.push_back(n == "baseline" ? Strategy::Baseline : Strategy::Cccd);
    return out;
}

std::vector<bool> extendedFrom(const std::string& choice)
{
    if (choice == "yes") return {true};
    if (choice == "no") return {false};
    return {true, false};
}
} // namespace

std::optional<BenchOptions> parseBenchOptions(int argc, char** argv)
{
    BenchOptions o;
    CLI::App app{"cccd-bench: read time against the floor and a baseline, face pipeline, host costs, door check (needs root)", "cccd-bench"};
    bool quick = false;
    std::string extended = "both";
    std::vector<std::string> strategies{"cccd", "baseline"}, skip;
    app.add_flag("--json", o.json, "JSON on stdout (CONTRACTS.md) instead of the tables");
    app.add_option("--json-out", o.jsonOut, "Also write the JSON to this file");
    app.add_flag("--quick", quick, "The CI run: one repetition, 424 and 848 kbit/s, 30 face frames, 8 candidates (options given after it win)");
    app.add_option("--rates", o.matrix.ratesKbps, "Bit rates in kbit/s (106, 212, 424, 848)")->delimiter(',')->check(CLI::IsMember({106, 212, 424, 848}));
    app.add_option("--reps", o.matrix.repetitions, "Repetitions of each read")->check(CLI::Range(1, 100));
    app.add_option("--faces", o.matrix.faceBytes, "Face sizes in bytes, made at run time from --source-face")->delimiter(',');
    app.add_option("--extended", extended, "Chips with extended length: yes, no or both")->check(CLI::IsMember({"yes", "no", "both"}));
    app.add_option("--strategies", strategies, "cccd, baseline")->delimiter(',')->check(CLI::IsMember({"cccd", "baseline"}));
    app.add_option("--fsc", o.matrix.fsc, "ISO/IEC 14443-4 frame size of the card (16 … 4096)");
    app.add_option("--fsd", o.matrix.fsd, "ISO/IEC 14443-4 frame size of the reader (16 … 4096)");
    app.add_option("--source-face", o.matrix.sourceFace, "Any JPEG to make the faces from (default: the sample profile's)");
    app.add_option("--skip", skip, "Sections to leave out: reads, face, memory, door")->delimiter(',')->check(CLI::IsMember({"reads", "face", "memory", "door"}));
    app.add_option("--candidates", o.door.candidates, "Door check queue length")->check(CLI::Range(1, 150));
    app.add_option("--frames", o.faceFrames, "Face pipeline frames")->check(CLI::Range(1, 1000));
    auto* probe = app.add_flag("--rss-probe", o.rssProbe, "(internal) one read with face match, for peak memory");
    app.add_option("--can", o.probeCan)->needs(probe);
    app.add_option("--models", o.probeModels)->needs(probe);
    app.add_option("--live", o.probeLive)->needs(probe);
    probe->group("");
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        int code = app.exit(e);
        if (code == 0) std::exit(0);
        return std::nullopt;
    }
    if (quick) { // the short CI run; options given explicitly win
        if (!app.count("--reps")) o.matrix.repetitions = 1;
        if (!app.count("--rates")) o.matrix.ratesKbps = {424, 848};
        if (!app.count("--frames")) o.faceFrames = 30;
        if (!app.count("--candidates")) o.door.candidates = 8;
    }
    o.matrix.extendedLength = extendedFrom(extended);
    o.matrix.strategies = strategiesNamed(strategies);
    for (const std::string& s : skip) {
        if (s == "reads") o.sections.reads = false;
        if (s == "face") o.sections.face = false;
        if (s == "memory") o.sections.memory = false;
        if (s == "door") o.sections.door = false;
    }
    return o;
}

} // namespace cccd::bench
