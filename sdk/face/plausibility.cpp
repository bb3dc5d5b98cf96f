#include "face/plausibility.hpp"

#include "face/grey_stats.hpp"
#include "face/quality.hpp"

#include <algorithm>

namespace cccd::face {

namespace {
// Measured on 1,096 main faces (../shared/faces: the LFW dev images, liveness samples and the astronaut, also
// halved, enlarged 2.5x, turned ±25°, darkened to 20 % and blurred) against 320 YuNet detections in 280 black,
// flat-colour, dark-noise, random-noise and blurred-noise frames: 1 of those passes, no upright main face fails.
constexpr double minContrast = 4;      // grey deviation in the box: flat frames 0, faces >= 5.4 even at 20 % light
constexpr double maxFineDetail = 5;    // Laplacian variance / grey variance: white noise 20 (the kernel's gain), faces <= 1.5
constexpr float landmarkMargin = 0.2f; // landmarks outside the box by more than this share of it: noise (faces <= 0.14)
constexpr float minFaceSide = 20;      // px: smaller "faces" were blobs in blurred noise, and too small to describe

bool landmarksInBox(const Detection& face)
{
    cv::Rect2f around = grown(face.box, landmarkMargin);
    return std::all_of(face.landmarks.begin(), face.landmarks.end(), [&around](const cv::Point2f& p) { return around.contains(p); });
}
} // namespace

bool plausibleFace(const cv::Mat& bgr, const Detection& face)
{
    if (std::min(face.box.width, face.box.height) < minFaceSide) return false;
    if (face.hasLandmarks && !landmarksInBox(face)) return false;
    GreyStats grey = greyStats(bgr, cv::Rect(face.box));
    return grey.deviation >= minContrast && grey.laplacian <= maxFineDetail * grey.deviation * grey.deviation;
}

std::string whyNoFace(const cv::Mat& bgr)
{
    GreyStats grey = greyStats(bgr, cv::Rect(0, 0, bgr.cols, bgr.rows));
    if (grey.deviation < minContrast) { // one flat colour: a covered lens, a dead camera, an empty image
        if (grey.mean < minBrightness) return "the picture is black (no light, or the camera is covered)";
        if (grey.mean > maxBrightness) return "the picture is white (far too much light)";
        return "the picture is blank (one flat colour)";
    }
    return lightProblem(grey.mean);
}

} // namespace cccd::face
