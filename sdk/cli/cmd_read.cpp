// `cccd read`: open the chip with a CAN, ID, QR payload or MRZ data, read and decode it, verify it (CONTRACTS.md).
// Everything the user gave (key, trust, --out) is checked before the card is touched.
#include "at_option.hpp"
#include "cccd/card_reader.hpp"
#include "cccd/error.hpp"
#include "commands.hpp"
#include "dump_folder.hpp"
#include "exit_codes.hpp"
#include "read_key.hpp"
#include "read_loop.hpp"
#include "read_progress.hpp"
#include "read_summary.hpp"
#include "reading/report_json.hpp"
#include "trust_setup.hpp"

#include <iostream>
#include <memory>

namespace cccd::cli {

namespace {
struct ReadArguments {
    std::string reader, out, wait;
    KeyArguments keys;
    std::vector<std::string> trust;
    bool json = false, noFace = false, force = false, loop = false, keysFromStdin = false;
    std::shared_ptr<std::optional<std::time_t>> at = std::make_shared<std::optional<std::time_t>>();
};

// --wait: seconds (a decimal number, not negative) or "forever".
std::chrono::milliseconds waitTime(const std::string& text)
{
    if (text.empty()) return std::chrono::milliseconds(0);
    if (text == "forever" || text == "inf") return std::chrono::hours(24 * 365 * 100);
    std::size_t used = 0;
    double seconds = -1;
    try {
        seconds = std::stod(text, &used);
    } catch (const std::exception&) {
        used = 0;
    }
    if (used != text.size() || !(seconds >= 0) || seconds > 1e9) throw Error(ErrorKind::InvalidArgument, "--wait takes seconds (0 or more) or 'forever'");
    return std::chrono::milliseconds(static_cast<long long>(seconds * 1000));
}

int readOnce(const ReadArguments& a, const AccessKey& key, ReadOptions options, std::size_t trustedCscas)
{
    TerminalProgress progress;
    if (!a.json) progress.attach(options);
    ReadResult result = readCard(key, options);
    nlohmann::json report = reading::reportToJson(result);
    if (!a.out.empty()) writeDump(a.out, result, report);
    if (a.json) {
        std::cout << report.dump(2) << '\n';
    } else {
        printSummary(std::cout, result, trustedCscas);
    }
    for (const std::string& problem : result.problems) std::cerr << "cccd: " << problem << '\n';
    if (result.verification.overall == Verdict::Invalid) return exitInvalid;
    return result.problems.empty() ? exitOk : exitCommunication; // malformed card data: everything read is kept (--out)
}

int readCommand(const ReadArguments& a)
{
    if (a.keysFromStdin && !a.loop) throw Error(ErrorKind::InvalidArgument, "--qr-from-stdin goes with --loop");
    if (a.loop && a.keysFromStdin == keyGiven(a.keys)) throw Error(ErrorKind::InvalidArgument, "--loop needs --qr-from-stdin or one key for every card");
    std::optional<AccessKey> key;
    if (!a.keysFromStdin) key = keyFrom(a.keys);
    ReadOptions options;
    options.reader = a.reader;
    options.readFace = !a.noFace;
    options.waitForCard = waitTime(a.wait);
    options.verifyAt = *a.at;
    std::shared_ptr<const TrustStore> trust = loadCommandTrust(a.trust, !a.json);
    options.trust = trust;
    if (!a.out.empty()) prepareDumpFolder(a.out, a.force);
    if (!a.loop) return readOnce(a, *key, options, trust->certificateCount());
    LoopSettings loop;
    loop.options = options;
    loop.fixedKey = std::move(key);
    loop.json = a.json;
    loop.out = a.out;
    loop.trustedCscas = trust->certificateCount();
    return runLoop(std::move(loop));
}
} // namespace

void addReadCommand(CLI::App& app, Action& action)
{
    auto args = std::make_shared<ReadArguments>();
    auto* cmd = app.add_subcommand("read", "Read the card: PACE with the CAN (or BAC with MRZ data), all files, decoded and verified");
    cmd->add_option("--reader", args->reader, "Reader: a part of its name, or its index (default: the first with a card)");
    addKeyOptions(cmd, args->keys);
    cmd->add_option("--out", args->out, "A new or empty folder for the raw files, the face and report.json (mode 0700/0600)");
    cmd->add_flag("--force", args->force, "With --out: replace a previous dump in that folder");
    cmd->add_flag("--json", args->json, "Print the JSON report (with --loop: one line per card)");
    cmd->add_flag("--no-face", args->noFace, "Do not read the face (DG2)");
    cmd->add_option("--trust", args->trust, "CSCA certificate, master list or CRL (file or folder); repeatable");
    cmd->add_option("--wait", args->wait, "Wait this many seconds for a card, or 'forever'");
    cmd->add_flag("--loop", args->loop, "Serve a queue: wait for each new card, read it, go on through removals and errors");
    cmd->add_flag("--qr-from-stdin", args->keysFromStdin, "With --loop: each card's QR (or ID, or CAN) is one line on stdin");
    addAtOption(cmd, args->at);
    cmd->callback([&action, args] { action = [args] { return readCommand(*args); }; });
}

} // namespace cccd::cli
