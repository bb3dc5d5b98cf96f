#include "face/quality.hpp"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

namespace cccd::face {

namespace {
// Below these the descriptor degrades (measured on the dev pairs: LFW faces are ~110 px high).
constexpr double minFaceHeight = 80;
constexpr double minSharpness = 20;
constexpr double minBrightness = 50, maxBrightness = 220;
constexpr double maxYaw = 0.35;
} // namespace

Quality assessQuality(const cv::Mat& bgr, const Detection& face)
{
    Quality q;
    cv::Rect box = cv::Rect(face.box) & cv::Rect(0, 0, bgr.cols, bgr.rows);
    if (box.area() <= 0) {
        q.problem = "no face in view";
        return q;
    }
    cv::Mat grey, laplacian;
    cv::cvtColor(bgr(box), grey, cv::COLOR_BGR2GRAY);
    cv::Laplacian(grey, laplacian, CV_64F);
    cv::Scalar mean, deviation;
    cv::meanStdDev(laplacian, mean, deviation);
    q.faceHeight = box.height;
    q.sharpness = deviation[0] * deviation[0];
    q.brightness = cv::mean(grey)[0];
    if (face.hasLandmarks) {
        const cv::Point2f& rightEye = face.landmarks[0];
        const cv::Point2f& leftEye = face.landmarks[1];
        const cv::Point2f& nose = face.landmarks[2];
        double eyes = leftEye.x - rightEye.x;
        if (std::abs(eyes) > 1) q.yaw = ((nose.x - rightEye.x) / eyes - 0.5) * 2;
    }
    if (q.faceHeight < minFaceHeight) q.problem = "come closer to the camera";
    else if (q.sharpness < minSharpness) q.problem = "hold still: the image is blurred";
    else if (q.brightness < minBrightness) q.problem = "too dark: more light on the face";
    else if (q.brightness > maxBrightness) q.problem = "too bright: avoid light behind the camera";
    else if (std::abs(q.yaw) > maxYaw) q.problem = "look straight at the camera";
    double size = std::min(1.0, q.faceHeight / (2 * minFaceHeight));
    double sharp = std::min(1.0, q.sharpness / (5 * minSharpness));
    double light = 1.0 - std::min(1.0, std::abs(q.brightness - 128) / 128);
    double pose = 1.0 - std::min(1.0, std::abs(q.yaw));
    q.score = (q.problem.empty() ? 0.5 : 0.0) + 0.5 * (size * sharp * light * pose);
    return q;
}

} // namespace cccd::face
