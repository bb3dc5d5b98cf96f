// `cccd read`: open the chip with a CAN, ID, QR payload or MRZ data, read and decode it (CONTRACTS.md).
#include "at_option.hpp"
#include "cccd/card_reader.hpp"
#include "cccd/error.hpp"
#include "commands.hpp"
#include "exit_codes.hpp"
#include "reading/report_json.hpp"
#include "verification_text.hpp"

#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <unistd.h>

namespace cccd::cli {

namespace {
struct ReadArguments {
    std::string reader, can, id, qr, mrz, bac, out;
    std::vector<std::string> trust;
    bool json = false, noFace = false;
    double waitSeconds = 0;
    std::shared_ptr<std::optional<std::time_t>> at = std::make_shared<std::optional<std::time_t>>();
};

AccessKey keyFrom(const ReadArguments& a)
{
    int given = !a.can.empty() + !a.id.empty() + !a.qr.empty() + !a.mrz.empty() + !a.bac.empty();
    if (given != 1) throw Error(ErrorKind::InvalidArgument, "give exactly one key: --can, --id, --qr, --mrz or --bac");
    if (!a.can.empty()) return AccessKey::fromCan(a.can);
    if (!a.id.empty()) return AccessKey::fromIdNumber(a.id);
    if (!a.qr.empty()) return AccessKey::fromQr(a.qr);
    if (!a.mrz.empty()) return AccessKey::fromMrz(a.mrz);
    std::size_t c1 = a.bac.find(','), c2 = a.bac.find(',', c1 == std::string::npos ? c1 : c1 + 1);
    if (c1 == std::string::npos || c2 == std::string::npos) throw Error(ErrorKind::InvalidArgument, "--bac takes DOCNO,YYMMDD,YYMMDD");
    return AccessKey::fromBac(a.bac.substr(0, c1), a.bac.substr(c1 + 1, c2 - c1 - 1), a.bac.substr(c2 + 1));
}

void writeFile(const std::filesystem::path& path, const std::vector<std::uint8_t>& bytes)
{
    std::ofstream out(path, std::ios::binary);
    out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
    if (!out) throw Error(ErrorKind::Internal, "cannot write " + path.string());
}

void writeDump(const std::string& folder, const ReadResult& r, const nlohmann::json& report)
{
    std::filesystem::create_directories(folder);
    for (const auto& [name, content] : r.files) writeFile(std::filesystem::path(folder) / (name + ".bin"), content);
    if (r.face) writeFile(std::filesystem::path(folder) / (r.face->format == "JPEG" ? "face.jpg" : "face.jp2"), r.face->data);
    std::ofstream(std::filesystem::path(folder) / "report.json") << report.dump(2) << '\n';
}

void progressBar(const ReadProgress& p)
{
    int width = 30;
    int filled = p.total ? static_cast<int>(width * p.done / p.total) : 0;
    std::cerr << "\r  " << p.file << std::string(6 - std::min<std::size_t>(p.file.size(), 5), ' ') << '['
              << std::string(static_cast<std::size_t>(filled), '#') << std::string(static_cast<std::size_t>(width - filled), ' ') << "] "
              << p.done << '/' << p.total << " bytes   " << std::flush;
    if (p.done == p.total) std::cerr << '\n';
}

std::string show(const std::optional<std::string>& v) { return v ? *v : "-"; }

void printSummary(const ReadResult& r)
{
    const Document& d = r.document;
    printVerification(std::cout, r.verification); // the verdict first: it decides what the rest is worth
    std::cout << "Reader:        " << r.reader << "\n"
              << "Access:        " << r.access.protocol << " with " << r.access.key << ", secure messaging " << r.access.secureMessaging << "\n"
              << "ID number:     " << show(d.idNumber) << "\n"
              << "Old ID:        " << show(d.oldIdNumber) << "\n"
              << "Full name:     " << show(d.fullName) << "\n"
              << "Date of birth: " << show(d.dateOfBirth) << "   Sex: " << show(d.sex) << "\n"
              << "Nationality:   " << show(d.nationality) << "   Ethnicity: " << show(d.ethnicity) << "   Religion: " << show(d.religion) << "\n"
              << "Origin:        " << show(d.placeOfOrigin) << "\n"
              << "Residence:     " << show(d.placeOfResidence) << "\n"
              << "Issued:        " << show(d.dateOfIssue) << "   Expires: " << (d.dateOfExpiry ? *d.dateOfExpiry : "no expiry") << "\n"
              << "Father:        " << show(d.fatherName) << "\n"
              << "Mother:        " << show(d.motherName) << "\n"
              << "Spouse:        " << show(d.spouseName) << "\n";
    if (r.face) std::cout << "Face:          " << r.face->format << " " << r.face->width << "x" << r.face->height << ", " << r.face->data.size() << " bytes\n";
    std::cout << "Read in " << static_cast<int>(r.timing.total) << " ms with " << r.apduCount << " APDUs\n";
}

int readCommand(const ReadArguments& a)
{
    AccessKey key = keyFrom(a);
    ReadOptions options;
    options.reader = a.reader;
    options.readFace = !a.noFace;
    options.waitForCard = std::chrono::milliseconds(static_cast<long>(a.waitSeconds * 1000));
    options.trustPaths = a.trust;
    options.verifyAt = *a.at;
    if (!a.json && ::isatty(STDERR_FILENO)) options.onProgress = progressBar;
    ReadResult result = readCard(key, options);
    nlohmann::json report = reading::reportToJson(result);
    if (!a.out.empty()) writeDump(a.out, result, report);
    if (a.json) {
        std::cout << report.dump(2) << '\n';
    } else {
        printSummary(result);
    }
    for (const std::string& problem : result.problems) std::cerr << "cccd: " << problem << '\n';
    if (result.verification.overall == Verdict::Invalid) return exitInvalid;
    return result.problems.empty() ? exitOk : exitCommunication; // malformed card data: everything read is kept (--out)
}
} // namespace

void addReadCommand(CLI::App& app, Action& action)
{
    auto args = std::make_shared<ReadArguments>();
    auto* cmd = app.add_subcommand("read", "Read the card: PACE with the CAN (or BAC with MRZ data), all files, decoded");
    cmd->add_option("--reader", args->reader, "Reader name or index (default: the first with a card)");
    cmd->add_option("--can", args->can, "Card access number (6 digits)");
    cmd->add_option("--id", args->id, "12-digit ID number (the CAN is its last 6 digits)");
    cmd->add_option("--qr", args->qr, "The card-face QR payload");
    cmd->add_option("--mrz", args->mrz, "TD1 or TD3 MRZ lines");
    cmd->add_option("--bac", args->bac, "DOCNO,YYMMDD,YYMMDD (document number, birth, expiry)");
    cmd->add_option("--out", args->out, "Folder for the raw files, the face and report.json");
    cmd->add_flag("--json", args->json, "Print the JSON report");
    cmd->add_flag("--no-face", args->noFace, "Do not read the face (DG2)");
    cmd->add_option("--trust", args->trust, "CSCA certificate, master list or CRL (file or folder); repeatable");
    cmd->add_option("--wait", args->waitSeconds, "Wait this many seconds for a card");
    addAtOption(cmd, args->at);
    cmd->callback([&action, args] { action = [args] { return readCommand(*args); }; });
}

} // namespace cccd::cli
