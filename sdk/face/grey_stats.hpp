// Grey-level statistics of a region: what the face checks, the quality score and the "why no face" answer read.
#pragma once

#include <opencv2/core.hpp>

namespace cccd::face {

struct GreyStats {
    double mean = 0;      ///< 0-255: light
    double deviation = 0; ///< standard deviation of the grey level: contrast
    double laplacian = 0; ///< variance of the Laplacian: fine detail (sharpness, or noise)
};

/** Of region (clipped to the image; all zero when nothing is left). */
GreyStats greyStats(const cv::Mat& bgr, const cv::Rect& region);

} // namespace cccd::face
