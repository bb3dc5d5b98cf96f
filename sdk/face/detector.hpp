// Face detection: YuNet (2022mar) through cv::FaceDetectorYN, with dlib's HOG detector as the fallback
// when the YuNet model is not installed.
#pragma once

#include <opencv2/core.hpp>

#include <array>
#include <memory>
#include <string>
#include <vector>

namespace cccd::face {

/** One face: its box, five landmarks (right eye, left eye, nose, right and left mouth corners; the
 *  subject's right is on the image's left) and a confidence. HOG detections carry no landmarks. */
struct Detection {
    cv::Rect2f box;
    std::array<cv::Point2f, 5> landmarks{};
    bool hasLandmarks = false;
    float score = 0;
};

class FaceDetector {
public:
    /** yunetPath empty: dlib HOG. */
    explicit FaceDetector(const std::string& yunetPath);
    ~FaceDetector();
    /** The faces in an image, without the detections no face can explain (plausibility.hpp). */
    std::vector<Detection> detect(const cv::Mat& bgr);
    bool usesYunet() const noexcept;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

/** Faces at least half as large as the largest: people standing together in front of the camera
 *  (smaller faces in the background do not count). */
std::size_t competingFaces(const std::vector<Detection>& faces);

/** box enlarged on every side by share of its width (left, right) and height (top, bottom). */
cv::Rect2f grown(const cv::Rect2f& box, float share);

/** The face to use among several: the largest, ties broken by closeness to the centre. */
const Detection* mainFace(const std::vector<Detection>& faces, const cv::Size& image);

} // namespace cccd::face
