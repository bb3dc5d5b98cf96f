// `cccd doctor [--models DIR] [--trust PATH]... [--json]`: what this machine gives the SDK (models, pcscd, readers,
// BLAS, trust), what is missing and the fix. Exit 0 when nothing stops a verified read and face match, else 2.
#include "cccd/version.hpp"
#include "commands.hpp"
#include "doctor_finding.hpp"
#include "exit_codes.hpp"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <iostream>
#include <memory>

namespace cccd::cli {

namespace {
struct DoctorArguments {
    std::string models;
    std::vector<std::string> trust;
    bool json = false;
};

const char* levelName(DoctorLevel level)
{
    switch (level) {
    case DoctorLevel::Ok: return "ok";
    case DoctorLevel::Warning: return "warning";
    case DoctorLevel::Problem: return "problem";
    }
    return "problem";
}

std::size_t countOf(const DoctorFindings& findings, DoctorLevel level)
{
    std::size_t n = 0;
    for (const DoctorFinding& f : findings) n += f.level == level;
    return n;
}

void printText(const DoctorFindings& findings)
{
    std::error_code ec;
    std::cout << "cccd " << version() << " (" << std::filesystem::read_symlink("/proc/self/exe", ec).string() << ")\n";
    for (const DoctorFinding& f : findings) {
        std::string level = f.level == DoctorLevel::Ok ? "ok" : f.level == DoctorLevel::Warning ? "WARNING" : "PROBLEM";
        level.resize(9, ' ');
        std::string area = f.area;
        area.resize(9, ' ');
        std::cout << "  " << level << area << f.text << '\n';
        if (!f.fix.empty()) std::cout << "  " << std::string(18, ' ') << "fix: " << f.fix << '\n';
    }
    std::size_t problems = countOf(findings, DoctorLevel::Problem), warnings = countOf(findings, DoctorLevel::Warning);
    std::cout << (problems + warnings == 0 ? "everything the SDK needs is here\n"
                                           : std::to_string(problems) + " problems, " + std::to_string(warnings) + " warnings\n");
}

nlohmann::json toJson(const DoctorFindings& findings)
{
    nlohmann::json list = nlohmann::json::array();
    for (const DoctorFinding& f : findings) list.push_back({{"area", f.area}, {"level", levelName(f.level)}, {"text", f.text}, {"fix", f.fix}});
    return {{"version", version()},
            {"findings", list},
            {"problems", countOf(findings, DoctorLevel::Problem)},
            {"warnings", countOf(findings, DoctorLevel::Warning)}};
}

int doctor(const DoctorArguments& args)
{
    DoctorFindings findings;
    for (DoctorFindings part : {checkModels(args.models), checkBlas(), checkCardStack(), checkTrust(args.trust)}) {
        findings.insert(findings.end(), part.begin(), part.end());
    }
    if (args.json) {
        std::cout << toJson(findings).dump(2) << '\n';
    } else {
        printText(findings);
    }
    return countOf(findings, DoctorLevel::Problem) == 0 ? exitOk : exitUsage;
}
} // namespace

void addDoctorCommand(CLI::App& app, Action& action)
{
    auto* cmd = app.add_subcommand("doctor", "Check models, pcscd, readers, BLAS and trust: what is used, what is missing, the fix");
    auto args = std::make_shared<DoctorArguments>();
    cmd->add_option("--models", args->models, "Check this models folder only (as cccd-agent --models)");
    cmd->add_option("--trust", args->trust, "Also count these CSCA certificates, master lists or folders; repeatable");
    cmd->add_flag("--json", args->json, "Print JSON");
    cmd->callback([&action, args] { action = [args] { return doctor(*args); }; });
}

} // namespace cccd::cli
