// Shared by the face tests: the real models and photos (../shared, never copied into the repo), and
// pictures without a face in which YuNet alone is confident it sees one.
#pragma once

#include "cccd/face.hpp"
#include "test_data.hpp"

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>

#include <string>
#include <utility>
#include <vector>

namespace cccd::test {

inline std::string modelFolder()
{
    requireData("models/SHA256SUMS");
    return dataRoot() + "/models";
}

inline FaceMatcher& matcher()
{
    static FaceMatcher instance(modelFolder());
    return instance;
}

inline Bytes photo(const std::string& relative) { return readData("faces/" + relative); }

/** The sample citizen's chip photo (a public-domain portrait, baseline JPEG 360x480). */
inline std::string sampleChipFace() { return std::string(CCCD_SOURCE_DIR) + "/drivers/vcard/profiles/faces/sample-face.jpg"; }

/** 640x480 frames with no face: black (a covered camera), sky blue (one flat colour), random noise. */
inline std::vector<std::pair<std::string, cv::Mat>> facelessFrames()
{
    cv::Mat noise(480, 640, CV_8UC3);
    cv::RNG(11).fill(noise, cv::RNG::UNIFORM, 0, 256);
    return {{"black", cv::Mat(480, 640, CV_8UC3, cv::Scalar(0, 0, 0))},
            {"sky blue", cv::Mat(480, 640, CV_8UC3, cv::Scalar(235, 206, 135))},
            {"noise", noise}};
}

inline Bytes encodePng(const cv::Mat& image)
{
    Bytes png;
    cv::imencode(".png", image, png);
    return png;
}

/** The first share (0-1) of a file's bytes: a read cut short. */
inline Bytes cutShort(const Bytes& whole, double share)
{
    return Bytes(whole.begin(), whole.begin() + static_cast<long>(static_cast<double>(whole.size()) * share));
}

} // namespace cccd::test
