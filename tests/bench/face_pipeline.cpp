#include "face_pipeline.hpp"

#include "core/file_io.hpp"
#include "face/detector.hpp"
#include "face/dlib_embedder.hpp"
#include "face/image_decoding.hpp"
#include "face/liveness.hpp"
#include "face/models.hpp"
#include "face/quality.hpp"

#include <opencv2/core.hpp>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <set>

namespace cccd::bench {

namespace {
using Clock = std::chrono::steady_clock;
double msBetween(Clock::time_point a, Clock::time_point b) { return std::chrono::duration<double, std::milli>(b - a).count(); }

std::string loadedBlas()
{
    std::ifstream maps("/proc/self/maps");
    std::string blas = "unknown";
    for (std::string line; std::getline(maps, line);) {
        if (line.find("openblas") != std::string::npos) return "OpenBLAS";
        if (line.find("/blas/libblas") != std::string::npos) blas = "reference BLAS";
    }
    return blas;
}

std::vector<std::string> imagesUnder(const std::string& folder, int limit)
{
    std::set<std::string> sorted; // the same frames in the same order on every machine
    for (const auto& file : std::filesystem::recursive_directory_iterator(folder)) {
        if (file.is_regular_file()) sorted.insert(file.path().string());
    }
    std::vector<std::string> out(sorted.begin(), sorted.end());
    if (out.size() > static_cast<std::size_t>(limit)) out.resize(static_cast<std::size_t>(limit));
    return out;
}
} // namespace

std::string testDataRoot()
{
    const char* env = std::getenv("CCCD_TEST_DATA");
    return env && *env ? env : CCCD_TEST_DATA_DEFAULT;
}

FaceStages measureFacePipeline(const std::string& modelFolder, const std::string& facesFolder, int maxFrames)
{
    cv::setNumThreads(1);
    face::ModelStore store(modelFolder);
    face::FaceDetector detector(store.require(face::yunetModel));
    face::DlibEmbedder embedder(store.require(face::landmarksModel), store.require(face::resnetModel));
    std::optional<std::string> v2 = store.find(face::livenessV2Model), v1se = store.find(face::livenessV1SeModel);
    std::unique_ptr<face::LivenessChecker> liveness;
    if (v2 && v1se) liveness = std::make_unique<face::LivenessChecker>(*v2, *v1se);

    std::vector<double> decode, detect, quality, embed, live, total;
    for (const std::string& path : imagesUnder(facesFolder, maxFrames)) {
        Bytes encoded = readFileBytes(path);
        auto t0 = Clock::now();
        cv::Mat frame = face::decodeImage(encoded);
        auto t1 = Clock::now();
        std::vector<face::Detection> found = detector.detect(frame);
        auto t2 = Clock::now();
        if (found.empty()) continue;
        const face::Detection& main = *face::mainFace(found, frame.size());
        face::Quality q = face::assessQuality(frame, main);
        auto t3 = Clock::now();
        face::Descriptor d = embedder.embed(frame, main);
        auto t4 = Clock::now();
        if (liveness) liveness->check(frame, main);
        auto t5 = Clock::now();
        (void)q;
        (void)d;
        decode.push_back(msBetween(t0, t1));
        detect.push_back(msBetween(t1, t2));
        quality.push_back(msBetween(t2, t3));
        embed.push_back(msBetween(t3, t4));
        live.push_back(msBetween(t4, t5));
        total.push_back(msBetween(t0, t5));
    }
    FaceStages s;
    s.decode = spreadOf(decode);
    s.detect = spreadOf(detect);
    s.quality = spreadOf(quality);
    s.embed = spreadOf(embed);
    s.liveness = spreadOf(live);
    s.total = spreadOf(total);
    s.frames = static_cast<int>(total.size());
    s.withLiveness = liveness != nullptr;
    s.blas = loadedBlas();
    return s;
}

} // namespace cccd::bench
