// How usable a live frame is for matching: face size, sharpness, brightness and pose (from landmarks),
// and the choice of the best frame of a short burst. Chip photos are small and old, so only live frames
// are judged.
#pragma once

#include "face/detector.hpp"

#include <string>

namespace cccd::face {

struct Quality {
    double faceHeight = 0; ///< pixels
    double sharpness = 0;  ///< variance of the Laplacian inside the face
    double brightness = 0; ///< mean grey level inside the face, 0-255
    double yaw = 0;        ///< -1 (turned right) .. 1 (turned left), from the nose between the eyes; 0 without landmarks
    double score = 0;      ///< 0-1, higher is better
    std::string problem;   ///< empty when usable; else what to tell the person ("come closer", ...)
};

/** Mean grey levels (0-255) outside which a face is too dark or too bright to describe well. */
inline constexpr double minBrightness = 50, maxBrightness = 220;

Quality assessQuality(const cv::Mat& bgr, const Detection& face);

/** "too dark ..." or "too bright ..." for a mean grey level (0-255); empty when the light is right. */
std::string lightProblem(double meanGrey);

} // namespace cccd::face
