#include "face/detector.hpp"

#include "face/plausibility.hpp"
#include "face/third_party_logs.hpp"

#include <dlib/image_processing/frontal_face_detector.h>
#include <dlib/opencv/cv_image.h>
#include <opencv2/imgproc.hpp>
#include <opencv2/objdetect/face.hpp>

#include <algorithm>
#include <cmath>

namespace cccd::face {

namespace {
constexpr float scoreThreshold = 0.6f; // 0.8 missed 7 of 543 grey LFW faces; 0.6 misses none
constexpr float nmsThreshold = 0.3f;
constexpr int topK = 50;
constexpr int maxSide = 640; // detection runs on a reduced copy; faces at the counter fill much of the frame
constexpr int minYunetSide = 64; // below 63 px a side YuNet 2022mar fails inside OpenCV 4.6's dnn: smaller images are padded

// Boxes and landmarks are scaled back to the original image.
std::vector<Detection> yunetFaces(cv::FaceDetectorYN& yunet, const cv::Mat& small, double scale)
{
    cv::Mat input = small;
    if (small.cols < minYunetSide || small.rows < minYunetSide) { // black on the right and below: coordinates stay
        cv::copyMakeBorder(small, input, 0, std::max(0, minYunetSide - small.rows), 0, std::max(0, minYunetSide - small.cols), cv::BORDER_CONSTANT,
                           cv::Scalar::all(0));
    }
    yunet.setInputSize(input.size());
    cv::Mat faces;
    yunet.detect(input, faces);
    std::vector<Detection> out;
    auto original = [scale](float v) { return v / static_cast<float>(scale); };
    for (int r = 0; r < faces.rows; ++r) {
        const float* row = faces.ptr<float>(r);
        Detection d;
        d.box = cv::Rect2f(original(row[0]), original(row[1]), original(row[2]), original(row[3]));
        for (int i = 0; i < 5; ++i) d.landmarks[i] = cv::Point2f(original(row[4 + 2 * i]), original(row[5 + 2 * i]));
        d.hasLandmarks = true;
        d.score = row[14];
        out.push_back(d);
    }
    return out;
}

std::vector<Detection> hogFaces(dlib::frontal_face_detector& hog, const cv::Mat& small, double scale)
{
    cv::Mat grey;
    cv::cvtColor(small, grey, cv::COLOR_BGR2GRAY);
    dlib::cv_image<unsigned char> image(grey);
    std::vector<Detection> out;
    for (const dlib::rectangle& r : hog(image)) {
        Detection d;
        d.box = cv::Rect2f(static_cast<float>(r.left() / scale), static_cast<float>(r.top() / scale), static_cast<float>(r.width() / scale),
                           static_cast<float>(r.height() / scale));
        d.score = 1.0f;
        out.push_back(d);
    }
    return out;
}
} // namespace

struct FaceDetector::Impl {
    cv::Ptr<cv::FaceDetectorYN> yunet;
    dlib::frontal_face_detector hog;
};

FaceDetector::FaceDetector(const std::string& yunetPath) : impl_(std::make_unique<Impl>())
{
    quietThirdPartyLogs(); // the first use of OpenCV by a FaceMatcher
    if (!yunetPath.empty()) {
        impl_->yunet = cv::FaceDetectorYN::create(yunetPath, "", cv::Size(320, 320), scoreThreshold, nmsThreshold, topK);
    } else {
        impl_->hog = dlib::get_frontal_face_detector();
    }
}

FaceDetector::~FaceDetector() = default;

bool FaceDetector::usesYunet() const noexcept { return !impl_->yunet.empty(); }

std::vector<Detection> FaceDetector::detect(const cv::Mat& bgr)
{
    double scale = std::min(1.0, static_cast<double>(maxSide) / std::max(bgr.cols, bgr.rows));
    cv::Mat small;
    if (scale < 1.0) cv::resize(bgr, small, cv::Size(), scale, scale, cv::INTER_AREA);
    else small = bgr;
    std::vector<Detection> out = impl_->yunet ? yunetFaces(*impl_->yunet, small, scale) : hogFaces(impl_->hog, small, scale);
    out.erase(std::remove_if(out.begin(), out.end(), [&bgr](const Detection& d) { return !plausibleFace(bgr, d); }), out.end());
    return out;
}

std::size_t competingFaces(const std::vector<Detection>& faces)
{
    float largest = 0;
    for (const Detection& d : faces) largest = std::max(largest, d.box.area());
    return static_cast<std::size_t>(std::count_if(faces.begin(), faces.end(), [largest](const Detection& d) { return d.box.area() >= largest / 2; }));
}

cv::Rect2f grown(const cv::Rect2f& box, float share)
{
    return cv::Rect2f(box.x - share * box.width, box.y - share * box.height, box.width * (1 + 2 * share), box.height * (1 + 2 * share));
}

const Detection* mainFace(const std::vector<Detection>& faces, const cv::Size& image)
{
    const Detection* best = nullptr;
    double bestScore = -1;
    cv::Point2f centre(image.width / 2.0f, image.height / 2.0f);
    double diagonal = std::hypot(image.width, image.height);
    for (const Detection& d : faces) {
        cv::Point2f c(d.box.x + d.box.width / 2, d.box.y + d.box.height / 2);
        double distance = std::hypot(c.x - centre.x, c.y - centre.y) / diagonal; // 0..0.5
        double score = d.box.area() * (1.0 - distance);
        if (score > bestScore) {
            bestScore = score;
            best = &d;
        }
    }
    return best;
}

} // namespace cccd::face
