// Per live frame on one core: decode + detect + quality + embed + liveness over the dev images (median and
// p95 ms per frame), and which BLAS the process loaded. cccd-bench prints the same figures with the rest.
#include "face_pipeline.hpp"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <string>

int main()
{
    using namespace cccd::bench;
    const char* require = std::getenv("CCCD_REQUIRE_DATA");
    std::string models = testDataRoot() + "/models", faces = testDataRoot() + "/faces/lfw-dev";
    if (!std::filesystem::is_directory(models) || !std::filesystem::is_directory(faces)) {
        std::cout << "SKIPPED: no " << models << " or " << faces << '\n';
        return require && std::string(require) == "1" ? 1 : 4;
    }
    FaceStages s = measureFacePipeline(models, faces, 100);
    printFaceTable(s, std::cout);
    std::printf("target 25 ms per frame: median ratio %.2f\n", s.total.median / 25.0);
    return s.frames > 90 ? 0 : 1;
}
