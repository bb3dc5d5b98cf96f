// 128-d face descriptors with dlib's ResNet (dlib_face_recognition_resnet_model_v1): 5-point landmarks,
// a 150x150 aligned chip, the network. Same person: Euclidean distance below ~0.6.
#pragma once

#include "face/detector.hpp"

#include <array>
#include <memory>
#include <string>

namespace cccd::face {

using Descriptor = std::array<float, 128>;

class DlibEmbedder {
public:
    DlibEmbedder(const std::string& landmarksPath, const std::string& resnetPath);
    ~DlibEmbedder();
    /** The descriptor of the face at detection.box in a BGR image. */
    Descriptor embed(const cv::Mat& bgr, const Detection& detection);

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

/** Euclidean distance between descriptors. */
float distance(const Descriptor& a, const Descriptor& b) noexcept;

} // namespace cccd::face
