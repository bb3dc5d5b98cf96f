// cccd-bench: full reads through the real pcscd and the virtual card's link model, ours against a baseline
// strategy and against the floor; the face pipeline; host costs; the exam-hall door check. Prints figures and
// asserts nothing about time: it fails only when a read fails. Needs root (a private pcscd). docs/benchmarks.md.
#include "bench_options.hpp"
#include "bench_report.hpp"
#include "card_profiles.hpp"
#include "peak_memory.hpp"
#include "pcscd_instance.hpp"
#include "support_failure.hpp"
#include "vcard_instance.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <thread>

namespace {
using namespace cccd::bench;

bool dataPresent(const std::string& models, const std::string& faces, const char* section)
{
    if (std::filesystem::is_directory(models) && std::filesystem::is_directory(faces)) return true;
    const char* require = std::getenv("CCCD_REQUIRE_DATA");
    if (require && std::string(require) == "1") throw cccd::test::SupportError(std::string(section) + ": no " + models + " or " + faces);
    std::cerr << "SKIPPED " << section << ": no " << models << " or " << faces << '\n';
    return false;
}

std::shared_ptr<const cccd::TrustStore> testTrust()
{
    auto trust = std::make_shared<cccd::TrustStore>();
    trust->add(vcardDirectory() + "/pki/csca.pem");
    return trust;
}

Spread proofCpu(const std::vector<Configuration>& reads)
{
    std::vector<double> ms;
    for (const Configuration& c : reads) {
        for (const Run& r : c.runs) {
            if (c.strategy == Strategy::Baseline && !r.read.failure) ms.push_back(r.read.proofCpuMs);
        }
    }
    return spreadOf(ms);
}

int failedReads(const BenchReport& r)
{
    int failed = r.door ? r.door->failed : 0;
    for (const Configuration& c : r.reads) failed += summarize(c).failed;
    return failed;
}

int run(const BenchOptions& o)
{
    BenchReport report;
    report.load.before = loadAverage();
    report.load.cpus = std::thread::hardware_concurrency();
    report.link = cccd::vcard::linkModelFor("424k", o.matrix.fsc, o.matrix.fsd);
    cccd::test::PcscdInstance pcscd;
    std::string folder = pcscd.workDir(); // faces and profiles: removed with the pcscd instance
    auto trust = testTrust();
    if (o.sections.reads) report.reads = runReadMatrix(pcscd, o.matrix, folder, trust, std::cerr);
    report.proofCpuMs = proofCpu(report.reads);

    const std::string models = testDataRoot() + "/models", faces = testDataRoot() + "/faces/lfw-dev";
    if (o.sections.face && dataPresent(models, faces, "face pipeline")) {
        std::cerr << "face pipeline, " << o.faceFrames << " frames\n";
        report.face = measureFacePipeline(models, faces, o.faceFrames);
    }
    if (o.sections.memory && dataPresent(models, faces, "peak memory")) {
        std::string sampleFace = vcardDirectory() + "/profiles/faces/sample-face.jpg";
        cccd::test::VcardInstance card(pcscd, writeSampleProfile(folder, "memory", sampleFace, true));
        report.peakRssMb = peakRssOfReadWithFaceMatch("123456", models, sampleFace);
        if (!report.peakRssMb) std::cerr << "peak memory: the read with face match FAILED\n";
    }
    if (o.sections.door && dataPresent(models, faces, "door check")) {
        std::cerr << "door check, " << o.door.candidates << " candidates at " << o.door.rateKbps << " kbit/s\n";
        DoorOptions door = o.door;
        door.facesFolder = faces;
        door.modelFolder = models;
        door.vpcdPort = pcscd.vpcdPort();
        report.door = runDoorCheck(door, trust, std::cerr);
    }
    report.load.after = loadAverage();

    nlohmann::json json = toJson(report);
    if (!o.jsonOut.empty()) std::ofstream(o.jsonOut) << json.dump(2) << '\n';
    if (o.json) std::cout << json.dump(2) << '\n';
    else printTable(report, std::cout);
    int failed = failedReads(report) + (o.sections.memory && !report.peakRssMb && report.face ? 1 : 0);
    if (failed) std::cerr << "cccd-bench: " << failed << " read(s) FAILED\n";
    return failed ? 1 : 0;
}
} // namespace

int main(int argc, char** argv)
{
    std::optional<BenchOptions> options = parseBenchOptions(argc, argv);
    if (!options) return 2;
    try {
        if (options->rssProbe) return runRssProbe(options->probeCan, options->probeModels, options->probeLive);
        return run(*options);
    } catch (const std::exception& e) {
        std::cerr << "cccd-bench: " << e.what() << '\n';
        return 1;
    }
}
