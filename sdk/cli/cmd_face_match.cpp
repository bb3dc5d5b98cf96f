// `cccd face-match --chip IMAGE|--dir DIR --live SOURCE [--liveness] [--json]`: the chip photo against a
// live image. SOURCE is an image file, a folder of images, a video file or camera:N; from a burst the frame
// with the best face quality is used. Exit 7 when the faces do not match or the face is not live, and when
// there is no face to compare (with the reason: no score is given for a non-face). Warnings (a chip photo
// cut short below the face) go to stderr, and to "warnings" in the JSON.
#include "cccd/error.hpp"
#include "cccd/face.hpp"
#include "core/bytes.hpp"
#include "commands.hpp"
#include "core/secure.hpp"
#include "face/match_json.hpp"
#include "exit_codes.hpp"
#include "face/image_file.hpp"

#include <nlohmann/json.hpp>

#include <chrono>
#include <filesystem>
#include <iostream>
#include <memory>

namespace cccd::cli {

namespace {
struct MatchArguments {
    std::string chip, dir, live, models;
    bool liveness = false, json = false;
};

Bytes chipImage(const MatchArguments& a)
{
    if (!a.chip.empty()) return face::readImageFile(a.chip);
    for (const char* name : {"face.jpg", "face.jp2"}) {
        std::filesystem::path p = std::filesystem::path(a.dir) / name;
        if (std::filesystem::exists(p)) return face::readImageFile(p.string());
    }
    throw Error(ErrorKind::NotFound, "no face.jpg or face.jp2 in " + a.dir);
}

int matchCommand(const MatchArguments& a)
{
    if (a.chip.empty() == a.dir.empty()) throw Error(ErrorKind::InvalidArgument, "give --chip IMAGE or --dir DIR");
    Bytes chip = chipImage(a); // a bad file is said before the models load
    WipeOnExit wipeChip(chip);  // a face
    FaceMatcher matcher(a.models);
    auto start = std::chrono::steady_clock::now();
    FaceMatchResult r;
    try {
        r = matcher.compareWithSource(chip, a.live, a.liveness);
    } catch (const FaceNotUsable& e) {
        std::cerr << "cccd: " << e.what() << '\n'; // an answer for the person at the counter, not a fault
        if (a.json) {
            r.threshold = FaceMatcher::defaultThreshold();
            nlohmann::json out = face::matchToJson(r); // score 0: nothing was compared
            out["timing_ms"] = {{"total", std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count()}};
            out["problem"] = e.what();
            std::cout << out.dump(2) << '\n';
        }
        return exitNoMatch;
    }
    for (const std::string& warning : r.warnings) std::cerr << "cccd: warning: " << warning << '\n';
    bool live = !r.liveness || r.liveness->live;
    if (a.json) {
        std::cout << face::matchToJson(r).dump(2) << '\n';
    } else {
        std::cout << (r.match ? "MATCH" : "NO MATCH") << "  score " << r.score << " (threshold " << r.threshold << "), " << r.totalMs << " ms"
                  << (r.liveness ? (r.liveness->live ? ", LIVE " : ", NOT LIVE ") + std::to_string(r.liveness->score) : std::string())
                  << (r.advice.empty() ? "" : "  (" + r.advice + ")")
                  << (matcher.usesYunet() ? "" : "  [YuNet not installed: dlib HOG detector used]") << '\n';
    }
    return r.match && live ? exitOk : exitNoMatch;
}
} // namespace

void addFaceMatchCommand(CLI::App& app, Action& action)
{
    auto args = std::make_shared<MatchArguments>();
    auto* cmd = app.add_subcommand("face-match", "Compare the chip photo with a live image, video or camera");
    cmd->add_option("--chip", args->chip, "The chip photo (JPEG or JPEG 2000)");
    cmd->add_option("--dir", args->dir, "A dump folder (cccd read --out) holding face.jpg or face.jp2");
    cmd->add_option("--live", args->live, "Image, folder, video file or camera:N")->required();
    cmd->add_option("--models", args->models, "Folder of the face models");
    cmd->add_flag("--liveness", args->liveness, "Also check that the live face is not a photo or screen");
    cmd->add_flag("--json", args->json, "Print JSON");
    cmd->callback([&action, args] { action = [args] { return matchCommand(*args); }; });
}

} // namespace cccd::cli
