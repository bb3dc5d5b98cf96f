// The EXIF orientation of a JPEG: phones and cameras store the sensor's pixels and a tag saying how to turn
// them upright. Detection and liveness need upright faces.
#pragma once

#include "core/bytes.hpp"

#include <opencv2/core.hpp>

namespace cccd::face {

/** 1 (upright; also when there is no tag or it cannot be read) to 8, as EXIF numbers them. */
int exifOrientation(ByteView jpeg);

/** Turns pixels stored with that orientation upright, as OpenCV's imread does. When they must be turned a
 *  quarter, the buffer they were in is wiped (it holds a face). */
void applyOrientation(cv::Mat& image, int orientation);

} // namespace cccd::face
