// Per live frame: detection + quality + embedding, on one core, over the dev images. Prints ms per frame
// and which BLAS the process loaded (dlib's descriptor is ~10x slower with the reference BLAS).
#include "core/file_io.hpp"
#include "face/detector.hpp"
#include "face/dlib_embedder.hpp"
#include "face/image_decoding.hpp"
#include "face/models.hpp"
#include "face/quality.hpp"

#include <opencv2/core.hpp>

#include <chrono>
#include <cstdlib>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>

int main()
{
    using namespace cccd;
    const char* require = std::getenv("CCCD_REQUIRE_DATA");
    const char* env = std::getenv("CCCD_TEST_DATA");
    std::string root = env && *env ? env : CCCD_TEST_DATA_DEFAULT;
    std::string models = root + "/models", faces = root + "/faces/lfw-dev";
    if (!std::filesystem::is_directory(models) || !std::filesystem::is_directory(faces)) {
        std::cout << "SKIPPED: no " << models << " or " << faces << '\n';
        return require && std::string(require) == "1" ? 1 : 4;
    }
    cv::setNumThreads(1);
    face::ModelStore store(models);
    face::FaceDetector detector(store.require(face::yunetModel));
    face::DlibEmbedder embedder(store.require(face::landmarksModel), store.require(face::resnetModel));
    std::vector<cv::Mat> frames;
    for (const auto& person : std::filesystem::directory_iterator(faces)) {
        for (const auto& file : std::filesystem::directory_iterator(person)) {
            frames.push_back(face::decodeImage(readFileBytes(file.path().string())));
            if (frames.size() >= 100) break;
        }
        if (frames.size() >= 100) break;
    }
    double detectMs = 0, qualityMs = 0, embedMs = 0;
    int embedded = 0;
    using Clock = std::chrono::steady_clock;
    for (const cv::Mat& frame : frames) {
        auto t0 = Clock::now();
        std::vector<face::Detection> found = detector.detect(frame);
        auto t1 = Clock::now();
        if (found.empty()) continue;
        const face::Detection& main = *face::mainFace(found, frame.size());
        face::Quality q = face::assessQuality(frame, main);
        auto t2 = Clock::now();
        face::Descriptor d = embedder.embed(frame, main);
        auto t3 = Clock::now();
        (void)q;
        (void)d;
        detectMs += std::chrono::duration<double, std::milli>(t1 - t0).count();
        qualityMs += std::chrono::duration<double, std::milli>(t2 - t1).count();
        embedMs += std::chrono::duration<double, std::milli>(t3 - t2).count();
        ++embedded;
    }
    std::string blas = "unknown";
    std::ifstream maps("/proc/self/maps");
    for (std::string line; std::getline(maps, line);) {
        if (line.find("openblas") != std::string::npos) { blas = "OpenBLAS"; break; }
        if (line.find("/blas/libblas") != std::string::npos) blas = "reference BLAS";
    }
    double n = embedded ? embedded : 1;
    std::printf("face pipeline, one core, %d frames (250x250): detect %.1f ms + quality %.1f ms + embed %.1f ms = %.1f ms per frame "
                "(target 40 ms: ratio %.2f), BLAS: %s\n",
                embedded, detectMs / n, qualityMs / n, embedMs / n, (detectMs + qualityMs + embedMs) / n, (detectMs + qualityMs + embedMs) / n / 40.0,
                blas.c_str());
    return embedded > 90 ? 0 : 1;
}
