#include "read_loop.hpp"

#include "cccd/error.hpp"
#include "cccd/readers.hpp"
#include "dump_folder.hpp"
#include "exit_codes.hpp"
#include "read_key.hpp"
#include "read_progress.hpp"
#include "read_summary.hpp"
#include "reading/report_json.hpp"

#include <unistd.h>

#include <cstdio>
#include <iostream>
#include <thread>

namespace cccd::cli {

namespace {
constexpr std::chrono::hours forever{24 * 365 * 100};

// The next line a scanner or a person gave that is not blank; nothing when stdin has ended.
std::optional<std::string> nextLine()
{
    for (std::string line; std::getline(std::cin, line);) {
        if (line.find_first_not_of(" \r\t") != std::string::npos) return line;
    }
    return std::nullopt;
}

void emit(const LoopSettings& s, std::size_t sequence, const nlohmann::json& json, const std::function<void()>& text)
{
    if (s.json) {
        nlohmann::json line = json;
        line["sequence"] = sequence;
        std::cout << line.dump() << std::endl; // one line per card, flushed: a program reads them as they come
    } else {
        std::cout << "=== card " << sequence << " ===\n";
        text();
        std::cout << std::endl;
    }
}
} // namespace

int runLoop(LoopSettings s)
{
    s.options.waitForCard = std::chrono::duration_cast<std::chrono::milliseconds>(forever);
    bool prompt = !s.fixedKey && ::isatty(STDIN_FILENO) && ::isatty(STDERR_FILENO);
    int last = exitOk;
    for (std::size_t sequence = 1;; ++sequence) {
        if (prompt) std::cerr << "Scan the card's QR code (or type its ID number), then put the card on the reader:\n";
        std::optional<AccessKey> scanned;
        if (!s.fixedKey) {
            std::optional<std::string> line = nextLine();
            if (!line) return last;
            try {
                scanned.emplace(keyFromLine(*line));
            } catch (const Error& e) {
                emit(s, sequence, errorJson(e), [&] { std::cout << "cccd: " << e.what() << '\n'; });
                continue;
            }
        }
        std::string reader = s.options.reader;
        bool waitForRemoval = true;
        try {
            ReadOptions options = s.options;
            TerminalProgress progress;
            if (!s.json) progress.attach(options);
            ReadResult result = readCard(s.fixedKey ? *s.fixedKey : *scanned, options);
            reader = result.reader;
            nlohmann::json report = reading::reportToJson(result);
            if (!s.out.empty()) {
                char name[16];
                std::snprintf(name, sizeof name, "/%04zu", sequence);
                prepareDumpFolder(s.out + name, false);
                writeDump(s.out + name, result, report);
            }
            emit(s, sequence, report, [&] { printSummary(std::cout, result, s.trustedCscas); });
            last = result.verification.overall == Verdict::Invalid ? exitInvalid : exitOk;
        } catch (const Error& e) {
            emit(s, sequence, errorJson(e), [&] { std::cout << "cccd: " << e.what() << '\n'; });
            last = exitCodeFor(e);
            // A wrong key with the card still there: the next scanned line is tried on the same card.
            waitForRemoval = !(e.kind() == ErrorKind::AccessDenied && !s.fixedKey);
            bool noStack = e.kind() == ErrorKind::ServiceUnavailable || e.kind() == ErrorKind::NoReader;
            if (noStack) std::this_thread::sleep_for(std::chrono::seconds(1)); // pcscd or the reader is coming back
        }
        if (waitForRemoval) {
            try {
                waitForCardRemoval(reader, std::chrono::duration_cast<std::chrono::milliseconds>(forever));
            } catch (const Error&) {
                std::this_thread::sleep_for(std::chrono::seconds(1)); // pcscd went away: the next read says so
            }
        }
    }
}

} // namespace cccd::cli
