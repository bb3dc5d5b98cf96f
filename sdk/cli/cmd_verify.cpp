// `cccd verify --dir DIR [--trust PATH]... [--json]`: passive authentication of a dump folder, offline.
// Chip and active authentication need the chip, so they are NOT_CHECKED here and the verdict is at best
// UNVERIFIED unless the chip supports neither.
#include "cccd/error.hpp"
#include "core/file_io.hpp"
#include "cccd/trust_store.hpp"
#include "commands.hpp"
#include "exit_codes.hpp"
#include "lds/dg1.hpp"
#include "lds/dg13_vn.hpp"
#include "lds/lds_files.hpp"
#include "pki/passive_authentication.hpp"
#include "pki/verification_json.hpp"
#include "reading/report_json.hpp"
#include "vn/document_builder.hpp"
#include "vn/document_json.hpp"

#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>

namespace cccd::cli {

namespace {
struct VerifyArguments {
    std::string dir;
    std::vector<std::string> trust;
    bool json = false;
};

std::map<std::string, Bytes> loadDump(const std::string& dir)
{
    if (!std::filesystem::is_directory(dir)) throw Error(ErrorKind::InvalidArgument, "no dump folder " + dir);
    std::map<std::string, Bytes> files;
    for (const lds::LdsFile& f : lds::ldsFiles()) {
        if (auto content = readFileIfPresent((std::filesystem::path(dir) / (std::string(f.name) + ".bin")).string())) files[f.name] = std::move(*content);
    }
    if (!files.count("SOD")) throw Error(ErrorKind::NotFound, "the dump folder " + dir + " has no SOD.bin");
    return files;
}

int verifyCommand(const VerifyArguments& a)
{
    std::map<std::string, Bytes> files = loadDump(a.dir);
    TrustStore trust;
    trust.addDefaultLocation();
    for (const std::string& path : a.trust) trust.add(path);
    const auto start = std::clock();
    VerificationReport report;
    report.passive = pki::verifyPassive(files, trust, std::time(nullptr));
    const char* offline = "offline check: proving the chip genuine needs the chip";
    report.chipAuthentication = files.count("DG14") ? CheckResult{CheckStatus::NotChecked, offline}
                                                    : CheckResult{CheckStatus::NotSupported, "the document has no DG14"};
    report.activeAuthentication = files.count("DG15") ? CheckResult{CheckStatus::NotChecked, offline}
                                                      : CheckResult{CheckStatus::NotSupported, "the document has no DG15"};
    report.overall = overallVerdict(report);
    double ms = 1000.0 * static_cast<double>(std::clock() - start) / CLOCKS_PER_SEC;

    std::optional<lds::Mrz> mrz;
    std::optional<lds::Dg13> dg13;
    try {
        if (files.count("DG1")) mrz = lds::parseDg1(files["DG1"]);
        if (files.count("DG13")) dg13 = lds::parseDg13(files["DG13"]);
    } catch (const Error&) {
        // an altered file may no longer parse; the verification above already says so
    }
    if (a.json) {
        nlohmann::json out = {{"document", vn::documentToJson(vn::buildDocument(mrz, dg13))},
                              {"data_groups", reading::dataGroupsJson(files)},
                              {"verification", pki::verificationToJson(report)},
                              {"timing_ms", {{"verify", ms}, {"total", ms}}}};
        std::cout << out.dump(2) << '\n';
    } else {
        std::cout << "Verification: " << toString(report.overall) << "\n  passive: " << toString(report.passive.status) << " - "
                  << report.passive.reason << '\n';
        for (const auto& [dg, status] : report.passive.dataGroups) std::cout << "    " << dg << ": " << status << '\n';
    }
    return report.overall == Verdict::Invalid ? exitInvalid : exitOk;
}
} // namespace

void addVerifyCommand(CLI::App& app, Action& action)
{
    auto args = std::make_shared<VerifyArguments>();
    auto* cmd = app.add_subcommand("verify", "Passive authentication of a dump folder (cccd read --out), offline");
    cmd->add_option("--dir", args->dir, "The dump folder")->required();
    cmd->add_option("--trust", args->trust, "CSCA certificate, master list or CRL (file or folder); repeatable");
    cmd->add_flag("--json", args->json, "Print JSON");
    cmd->callback([&action, args] { action = [args] { return verifyCommand(*args); }; });
}

} // namespace cccd::cli
