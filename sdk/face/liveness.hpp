// Is the face live or a photo/screen? The MiniFASNetV2 (crop scale 2.7) + MiniFASNetV1SE (scale 4.0)
// ensemble, with the exact pre-processing the models were trained with (../shared/models/README.md).
#pragma once

#include "face/detector.hpp"

#include <memory>
#include <string>

namespace cccd::face {

struct Liveness {
    bool live = false;
    double score = 0; ///< averaged probability of the "real" class
};

class LivenessChecker {
public:
    LivenessChecker(const std::string& v2Path, const std::string& v1sePath);
    ~LivenessChecker();
    Liveness check(const cv::Mat& bgr, const Detection& face);

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

/** The crop box of the reference pre-processing: scale s around the face box, shrunk to fit, shifted inside. */
cv::Rect cropBox(const cv::Size& image, const cv::Rect2f& face, double scale);

} // namespace cccd::face
