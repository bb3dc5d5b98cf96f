#include "face/quality.hpp"

#include "face/grey_stats.hpp"

#include <algorithm>
#include <cmath>

namespace cccd::face {

namespace {
// Below these the descriptor degrades (measured on the dev pairs: LFW faces are ~110 px high).
constexpr double minFaceHeight = 80;
constexpr double minSharpness = 20;
constexpr double maxYaw = 0.35;
} // namespace

std::string lightProblem(double meanGrey)
{
    if (meanGrey < minBrightness) return "too dark: more light on the face";
    if (meanGrey > maxBrightness) return "too bright: avoid light behind the camera";
    return "";
}

Quality assessQuality(const cv::Mat& bgr, const Detection& face)
{
    Quality q;
    cv::Rect box = cv::Rect(face.box) & cv::Rect(0, 0, bgr.cols, bgr.rows);
    if (box.area() <= 0) {
        q.problem = "no face in view";
        return q;
    }
    GreyStats grey = greyStats(bgr, box);
    q.faceHeight = box.height;
    q.sharpness = grey.laplacian;
    q.brightness = grey.mean;
    if (face.hasLandmarks) {
        const cv::Point2f& rightEye = face.landmarks[0];
        const cv::Point2f& leftEye = face.landmarks[1];
        const cv::Point2f& nose = face.landmarks[2];
        double eyes = leftEye.x - rightEye.x;
        if (std::abs(eyes) > 1) q.yaw = ((nose.x - rightEye.x) / eyes - 0.5) * 2;
    }
    // Light before sharpness: a dark face has little detail too, and "hold still" would be the wrong advice.
    std::string light = lightProblem(q.brightness);
    if (q.faceHeight < minFaceHeight) q.problem = "come closer to the camera";
    else if (!light.empty()) q.problem = light;
    else if (q.sharpness < minSharpness) q.problem = "hold still: the image is blurred";
    else if (std::abs(q.yaw) > maxYaw) q.problem = "look straight at the camera";
    double size = std::min(1.0, q.faceHeight / (2 * minFaceHeight));
    double sharp = std::min(1.0, q.sharpness / (5 * minSharpness));
    double lightScore = 1.0 - std::min(1.0, std::abs(q.brightness - 128) / 128);
    double pose = 1.0 - std::min(1.0, std::abs(q.yaw));
    q.score = (q.problem.empty() ? 0.5 : 0.0) + 0.5 * (size * sharp * lightScore * pose);
    return q;
}

} // namespace cccd::face
