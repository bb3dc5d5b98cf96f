#include "face/liveness.hpp"

#include <opencv2/dnn.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

namespace cccd::face {

namespace {
constexpr int inputSide = 80;
constexpr int realClass = 1; // classes 0 and 2 are spoof kinds

cv::Mat probabilities(cv::dnn::Net& net, const cv::Mat& bgr, const cv::Rect2f& face, double scale)
{
    cv::Mat crop;
    cv::resize(bgr(cropBox(bgr.size(), face, scale)), crop, cv::Size(inputSide, inputSide), 0, 0, cv::INTER_LINEAR);
    // BGR, raw 0-255 values, no mean, no scaling: how the models were trained.
    net.setInput(cv::dnn::blobFromImage(crop, 1.0, cv::Size(inputSide, inputSide), cv::Scalar(), false, false));
    cv::Mat logits = net.forward().reshape(1, 1).clone();
    double maxLogit = 0;
    cv::minMaxLoc(logits, nullptr, &maxLogit);
    cv::Mat exp;
    cv::exp(logits - maxLogit, exp);
    return exp / cv::sum(exp)[0];
}
} // namespace

cv::Rect cropBox(const cv::Size& image, const cv::Rect2f& face, double scale)
{
    const double W = image.width, H = image.height, w = face.width, h = face.height;
    double s = std::min({(H - 1) / h, (W - 1) / w, scale});
    double cx = face.x + w / 2, cy = face.y + h / 2;
    double l = cx - w * s / 2, t = cy - h * s / 2, r = cx + w * s / 2, b = cy + h * s / 2;
    if (l < 0) { r -= l; l = 0; }
    if (t < 0) { b -= t; t = 0; }
    if (r > W - 1) { l -= r - (W - 1); r = W - 1; }
    if (b > H - 1) { t -= b - (H - 1); b = H - 1; }
    int x0 = std::max(0, static_cast<int>(l)), y0 = std::max(0, static_cast<int>(t));
    int x1 = std::min(image.width - 1, static_cast<int>(r)), y1 = std::min(image.height - 1, static_cast<int>(b));
    return cv::Rect(x0, y0, std::max(1, x1 - x0 + 1), std::max(1, y1 - y0 + 1)); // inclusive bounds
}

struct LivenessChecker::Impl {
    cv::dnn::Net v2, v1se;
};

LivenessChecker::LivenessChecker(const std::string& v2Path, const std::string& v1sePath) : impl_(std::make_unique<Impl>())
{
    impl_->v2 = cv::dnn::readNetFromONNX(v2Path);
    impl_->v1se = cv::dnn::readNetFromONNX(v1sePath);
}

LivenessChecker::~LivenessChecker() = default;

Liveness LivenessChecker::check(const cv::Mat& bgr, const Detection& face)
{
    cv::Mat p = (probabilities(impl_->v2, bgr, face.box, 2.7) + probabilities(impl_->v1se, bgr, face.box, 4.0)) / 2.0;
    cv::Point best;
    cv::minMaxLoc(p, nullptr, nullptr, nullptr, &best);
    return Liveness{best.x == realClass, p.at<float>(0, realClass)};
}

} // namespace cccd::face
