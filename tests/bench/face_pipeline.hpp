// The face pipeline per live frame on one core: decode, detect, quality, embed, liveness, each timed on its
// own over the development images (LFW, 250x250), as median and p95 milliseconds per frame.
#pragma once

#include "sample_stats.hpp"

#include <ostream>
#include <string>

namespace cccd::bench {

struct FaceStages {
    Spread decode, detect, quality, embed, liveness, total;
    int frames = 0;      ///< frames with a face (the rest are not counted)
    bool withLiveness = false; ///< the liveness models are installed
    std::string blas;    ///< which BLAS the process loaded (dlib's descriptor is ~10x slower with the reference one)
};

/** modelFolder: the face models; facesFolder: one folder per person of images. At most maxFrames frames. */
FaceStages measureFacePipeline(const std::string& modelFolder, const std::string& facesFolder, int maxFrames);

/** The figures as a Markdown table (stage, median, p95), with a line on the frames and the BLAS. */
void printFaceTable(const FaceStages& stages, std::ostream& out);

/** The shared test data folder (CCCD_TEST_DATA, else the build's default). */
std::string testDataRoot();

} // namespace cccd::bench
