// Is a detection a face at all? YuNet gives confident detections (0.6-0.97) in black frames, flat colour and
// random noise, with landmarks laid out like a face. Nothing may be computed or scored from those.
#pragma once

#include "face/detector.hpp"

#include <string>

namespace cccd::face {

/** False when no face can explain the detection: no contrast in its box, the fine detail of noise rather than of
 *  a photo, landmarks well outside the box, or too few pixels to describe. */
bool plausibleFace(const cv::Mat& bgr, const Detection& face);

/** What the whole picture shows when no face was found in it ("the picture is black ...", "too dark ..."),
 *  so the advice names the real cause; empty when nothing stands out. */
std::string whyNoFace(const cv::Mat& bgr);

} // namespace cccd::face
