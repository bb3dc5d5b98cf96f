// `cccd verify --dir DIR [--trust PATH]... [--at YYYY-MM-DD] [--json]`: passive authentication of a dump
// folder, offline. Chip and active authentication need the chip, so the verdict is never VALID here.
#include "at_option.hpp"
#include "cccd/error.hpp"
#include "cccd/verification.hpp"
#include "commands.hpp"
#include "core/file_io.hpp"
#include "exit_codes.hpp"
#include "lds/lds_files.hpp"
#include "pki/verification_json.hpp"
#include "reading/document_files.hpp"
#include "reading/report_json.hpp"
#include "trust_setup.hpp"
#include "verification_text.hpp"
#include "vn/document_json.hpp"

#include <chrono>
#include <filesystem>
#include <iostream>
#include <memory>

namespace cccd::cli {

namespace {
struct VerifyArguments {
    std::string dir;
    std::vector<std::string> trust;
    std::shared_ptr<std::optional<std::time_t>> at = std::make_shared<std::optional<std::time_t>>();
    bool json = false;
};

// A chip's files are tens of KiB at most: a bigger file in a dump did not come from a chip, and is not read.
constexpr std::size_t maxChipFileBytes = 1u << 20;

// NAME.bin of the dump, if there; a folder, FIFO or device of that name is refused (exit 2), never waited on.
void loadDumpFile(const std::string& dir, const std::string& name, std::map<std::string, Bytes>& files)
{
    if (auto content = readFileIfPresent((std::filesystem::path(dir) / (name + ".bin")).string(), maxChipFileBytes)) files[name] = std::move(*content);
}

std::map<std::string, Bytes> loadDump(const std::string& dir)
{
    if (!std::filesystem::is_directory(dir)) throw Error(ErrorKind::InvalidArgument, "no dump folder " + dir);
    std::map<std::string, Bytes> files;
    for (const lds::LdsFile& f : lds::ldsFiles()) loadDumpFile(dir, f.name, files);
    loadDumpFile(dir, "CardSecurity", files);
    if (!files.count("SOD")) throw Error(ErrorKind::InvalidArgument, "the dump folder " + dir + " has no SOD.bin (made by `cccd read --out`?)");
    return files;
}

int verifyCommand(const VerifyArguments& a)
{
    std::map<std::string, Bytes> files = loadDump(a.dir);
    const auto start = std::chrono::steady_clock::now();
    VerifyOptions options;
    options.trust = loadCommandTrust(a.trust, !a.json);
    options.at = *a.at;
    VerificationReport report = verifyFiles(files, options);
    double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    reading::DocumentFiles parsed = reading::parseDocumentFiles(files);
    if (a.json) {
        nlohmann::json out = {{"document", vn::documentToJson(parsed.document)},
                              {"data_groups", reading::dataGroupsJson(files)},
                              {"verification", pki::verificationToJson(report)},
                              {"problems", parsed.problems},
                              {"timing_ms", {{"verify", ms}, {"total", ms}}}};
        std::cout << out.dump(2) << '\n';
    } else {
        printVerification(std::cout, report, options.trust->certificateCount());
        std::vector<std::string> absent;
        for (const auto& [dg, status] : report.passive.dataGroups) {
            if (status == "NOT_READ") absent.push_back(dg);
        }
        if (!absent.empty()) {
            std::cout << "  not in the folder, though the SOD lists them:";
            for (const std::string& dg : absent) std::cout << ' ' << dg;
            std::cout << '\n';
        }
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
    addAtOption(cmd, args->at);
    cmd->add_flag("--json", args->json, "Print JSON");
    cmd->callback([&action, args] { action = [args] { return verifyCommand(*args); }; });
}

} // namespace cccd::cli
