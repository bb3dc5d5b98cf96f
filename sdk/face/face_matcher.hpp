// What FaceMatcher holds, for in-tree tools (face-eval) that work on descriptors directly.
#pragma once

#include "cccd/face.hpp"
#include "face/detector.hpp"
#include "face/dlib_embedder.hpp"
#include "face/image_decoding.hpp"
#include "face/liveness.hpp"
#include "face/models.hpp"

#include <memory>
#include <optional>

namespace cccd {

struct FaceMatcher::Impl {
    face::ModelStore models;
    face::FaceDetector detector;
    face::DlibEmbedder embedder;
    std::unique_ptr<face::LivenessChecker> liveness; ///< null when its models are not installed

    explicit Impl(const std::string& folder);
    FaceMatchResult compare(const face::DecodedImage& chip, const face::DecodedImage& live, bool checkLiveness);
    /** The descriptor of the main face of an image; nothing when no face is found. */
    std::optional<face::Descriptor> describe(const cv::Mat& bgr);
};

namespace face {
/** Similarity in [0, 1] from a descriptor distance. */
double similarity(float distance) noexcept;
} // namespace face

} // namespace cccd
