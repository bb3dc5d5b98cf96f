#include "face/grey_stats.hpp"

#include <opencv2/imgproc.hpp>

namespace cccd::face {

GreyStats greyStats(const cv::Mat& bgr, const cv::Rect& region)
{
    GreyStats s;
    cv::Rect box = region & cv::Rect(0, 0, bgr.cols, bgr.rows);
    if (box.area() <= 0) return s;
    cv::Mat grey, laplacian;
    cv::cvtColor(bgr(box), grey, cv::COLOR_BGR2GRAY);
    cv::Scalar mean, deviation;
    cv::meanStdDev(grey, mean, deviation);
    s.mean = mean[0];
    s.deviation = deviation[0];
    cv::Laplacian(grey, laplacian, CV_64F);
    cv::meanStdDev(laplacian, mean, deviation);
    s.laplacian = deviation[0] * deviation[0];
    return s;
}

} // namespace cccd::face
