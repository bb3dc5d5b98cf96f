// `cccd face-eval --pairs TSV --root DIR [--limit N] [--json]`: accuracy of the shipped threshold on
// labelled pairs (same<TAB>path1<TAB>path2), the best threshold of a sweep, TAR at FAR 1%, speed.
#include "cccd/error.hpp"
#include "core/file_io.hpp"
#include "commands.hpp"
#include "exit_codes.hpp"
#include "face/face_matcher.hpp"
#include "face/image_decoding.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <iostream>
#include <iterator>
#include <map>
#include <memory>
#include <sstream>

namespace cccd::cli {

namespace {
struct EvalArguments {
    std::string pairs, root, models, scores;
    std::size_t limit = 0;
    bool json = false;
};

struct Pair {
    bool same;
    std::string a, b;
};

std::vector<Pair> readPairs(const std::string& path, std::size_t limit)
{
    std::ifstream in(path);
    if (!in) throw Error(ErrorKind::NotFound, "cannot read " + path);
    std::vector<Pair> pairs;
    std::string line;
    while (std::getline(in, line) && (limit == 0 || pairs.size() < limit)) {
        std::istringstream fields(line);
        std::string same, a, b;
        if (!std::getline(fields, same, '\t') || !std::getline(fields, a, '\t') || !std::getline(fields, b)) continue;
        pairs.push_back({same == "1", a, b});
    }
    if (pairs.empty()) throw Error(ErrorKind::InvalidArgument, path + " holds no pairs (same<TAB>path1<TAB>path2)");
    return pairs;
}

double accuracyAt(const std::vector<std::pair<double, bool>>& scored, double threshold)
{
    std::size_t right = 0;
    for (const auto& [score, same] : scored) right += (score >= threshold) == same;
    return scored.empty() ? 0 : static_cast<double>(right) / static_cast<double>(scored.size());
}

int evalCommand(const EvalArguments& a)
{
    std::vector<Pair> pairs = readPairs(a.pairs, a.limit);
    FaceMatcher matcher(a.models);
    std::map<std::string, std::optional<face::Descriptor>> descriptors;
    double ms = 0;
    std::size_t images = 0, failed = 0;
    auto describe = [&](const std::string& relative) -> const std::optional<face::Descriptor>& {
        auto it = descriptors.find(relative);
        if (it != descriptors.end()) return it->second;
        Bytes bytes = readFileIfPresent(a.root + "/" + relative).value_or(Bytes{});
        auto start = std::chrono::steady_clock::now();
        std::optional<face::Descriptor> d;
        try {
            d = matcher.impl().describe(face::decodeImage(bytes));
        } catch (const Error&) {
        }
        ms += std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
        ++images;
        if (!d) ++failed;
        return descriptors.emplace(relative, d).first->second;
    };
    std::vector<std::pair<double, bool>> scored;
    for (const Pair& p : pairs) {
        const auto& da = describe(p.a);
        const auto& db = describe(p.b);
        double score = da && db ? face::similarity(face::distance(*da, *db)) : 0.0; // an undetected face counts as no match
        scored.emplace_back(score, p.same);
    }
    if (!a.scores.empty()) { // for plots: one "same<TAB>score" line per pair
        std::ofstream out(a.scores);
        for (const auto& [score, same] : scored) out << (same ? 1 : 0) << '\t' << score << '\n';
    }
    double best = 0, bestThreshold = 0;
    for (int t = 20; t <= 70; ++t) {
        double acc = accuracyAt(scored, t / 100.0);
        if (acc > best) {
            best = acc;
            bestThreshold = t / 100.0;
        }
    }
    std::vector<double> impostors;
    std::size_t genuine = 0;
    for (const auto& [score, same] : scored) {
        if (!same) impostors.push_back(score);
        else ++genuine;
    }
    std::sort(impostors.rbegin(), impostors.rend());
    double farThreshold = impostors.empty() ? 0 : impostors[std::min(impostors.size() - 1, impostors.size() / 100)] + 1e-9;
    std::size_t accepted = 0;
    for (const auto& [score, same] : scored) accepted += same && score >= farThreshold;
    double tar = genuine ? static_cast<double>(accepted) / static_cast<double>(genuine) : 0;
    nlohmann::json out = {{"pairs", pairs.size()},
                          {"accuracy", accuracyAt(scored, FaceMatcher::defaultThreshold())},
                          {"threshold", FaceMatcher::defaultThreshold()},
                          {"best_accuracy", best},
                          {"best_threshold", bestThreshold},
                          {"tar_at_far_0_01", tar},
                          {"failed_to_detect", failed},
                          {"ms_per_image", images ? ms / static_cast<double>(images) : 0},
                          {"detector", matcher.usesYunet() ? "YuNet" : "dlib HOG (YuNet model not installed)"}};
    if (a.json) {
        std::cout << out.dump(2) << '\n';
    } else {
        std::cout << "pairs " << out["pairs"] << ", accuracy " << out["accuracy"] << " at threshold " << out["threshold"] << ", best "
                  << out["best_accuracy"] << " at " << out["best_threshold"] << ", TAR@FAR1% " << out["tar_at_far_0_01"] << ", "
                  << failed << " images without a detected face, " << out["ms_per_image"] << " ms per image (" << out["detector"].get<std::string>()
                  << ")\n";
    }
    return exitOk;
}
} // namespace

void addFaceEvalCommand(CLI::App& app, Action& action)
{
    auto args = std::make_shared<EvalArguments>();
    auto* cmd = app.add_subcommand("face-eval", "Accuracy of face matching on labelled pairs");
    cmd->add_option("--pairs", args->pairs, "TSV: same(1|0) TAB path1 TAB path2")->required();
    cmd->add_option("--root", args->root, "Folder the paths are relative to")->required();
    cmd->add_option("--limit", args->limit, "Use the first N pairs");
    cmd->add_option("--models", args->models, "Folder of the face models");
    cmd->add_option("--scores", args->scores, "Write same<TAB>score per pair to this file (for plots)");
    cmd->add_flag("--json", args->json, "Print JSON");
    cmd->callback([&action, args] { action = [args] { return evalCommand(*args); }; });
}

} // namespace cccd::cli
