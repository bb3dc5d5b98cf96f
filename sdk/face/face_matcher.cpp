#include "face/face_matcher.hpp"

#include "cccd/error.hpp"
#include "core/secure.hpp"
#include "face/image_decoding.hpp"
#include "face/live_source.hpp"
#include "face/quality.hpp"

#include <algorithm>
#include <chrono>

namespace cccd {

namespace {
// Similarity 0.40 = dlib descriptor distance 0.60. On ../shared/faces/lfw-dev-pairs.tsv (600 pairs,
// `cccd face-eval`, YuNet at score 0.6): accuracy 98.83% at 0.40; the best of the sweep 0.20-0.70 (step
// 0.01) was 99.00% at 0.41, TAR at FAR 1% 98.67%. 0.40 is kept: within 0.2 points of the best, and the
// distance dlib's authors give for this model, so it is not fitted to 600 pairs.
constexpr double shippedThreshold = 0.40;

using Clock = std::chrono::steady_clock;
double msSince(Clock::time_point t) { return std::chrono::duration<double, std::milli>(Clock::now() - t).count(); }

std::string optionalPath(const face::ModelStore& models, const face::ModelFile& file)
{
    std::optional<std::string> path = models.find(file);
    return path ? *path : std::string();
}
} // namespace

namespace face {
double similarity(float distance) noexcept { return std::clamp(1.0 - static_cast<double>(distance), 0.0, 1.0); }
} // namespace face

FaceMatcher::Impl::Impl(const std::string& folder)
    : models(folder), detector(optionalPath(models, face::yunetModel)),
      embedder(models.require(face::landmarksModel), models.require(face::resnetModel))
{
    std::optional<std::string> v2 = models.find(face::livenessV2Model), v1se = models.find(face::livenessV1SeModel);
    if (v2 && v1se) liveness = std::make_unique<face::LivenessChecker>(*v2, *v1se);
}

std::optional<face::Descriptor> FaceMatcher::Impl::describe(const cv::Mat& bgr, bool requireSingleFace, double* detectMs, double* embedMs,
                                                             std::optional<LivenessResult>* livenessOut)
{
    auto t0 = Clock::now();
    std::vector<face::Detection> faces = detector.detect(bgr);
    if (detectMs) *detectMs += msSince(t0);
    if (faces.empty()) return std::nullopt;
    if (requireSingleFace && face::competingFaces(faces) > 1) {
        throw FaceNotUsable("several faces in the live image at the same distance: one person at a time");
    }
    const face::Detection& main = *face::mainFace(faces, bgr.size());
    if (livenessOut) {
        face::Liveness l = liveness->check(bgr, main);
        *livenessOut = LivenessResult{l.live, l.score};
    }
    auto t1 = Clock::now();
    face::Descriptor d = embedder.embed(bgr, main);
    if (embedMs) *embedMs += msSince(t1);
    return d;
}

FaceMatcher::FaceMatcher(const std::string& modelFolder) : impl_(std::make_unique<Impl>(modelFolder)) {}
FaceMatcher::~FaceMatcher() = default;
FaceMatcher::FaceMatcher(FaceMatcher&&) noexcept = default;
FaceMatcher& FaceMatcher::operator=(FaceMatcher&&) noexcept = default;

bool FaceMatcher::usesYunet() const noexcept { return impl_->detector.usesYunet(); }
bool FaceMatcher::hasLiveness() const noexcept { return impl_->liveness != nullptr; }
double FaceMatcher::defaultThreshold() noexcept { return shippedThreshold; }

FaceMatchResult FaceMatcher::compare(const std::vector<std::uint8_t>& chipImage, const std::vector<std::uint8_t>& liveImage,
                                     bool checkLiveness)
{
    auto start = Clock::now();
    cv::Mat chip = face::decodeImage(chipImage);
    cv::Mat live = face::decodeImage(liveImage);
    FaceMatchResult r = impl_->compare(chip, live, checkLiveness);
    secureZero(chip.data, chip.total() * chip.elemSize());
    secureZero(live.data, live.total() * live.elemSize());
    r.totalMs = msSince(start);
    return r;
}

FaceMatchResult FaceMatcher::compareWithSource(const std::vector<std::uint8_t>& chipImage, const std::string& source, bool checkLiveness,
                                               int maxFrames)
{
    auto start = Clock::now();
    face::LiveSource frames(source);
    std::optional<cv::Mat> best;
    face::Quality bestQuality;
    for (int i = 0; i < maxFrames; ++i) {
        std::optional<cv::Mat> frame = frames.next();
        if (!frame) break;
        std::vector<face::Detection> faces = impl_->detector.detect(*frame);
        if (faces.empty() || face::competingFaces(faces) > 1) continue;
        face::Quality q = face::assessQuality(*frame, *face::mainFace(faces, frame->size()));
        if (!best || q.score > bestQuality.score) {
            best = frame;
            bestQuality = q;
        }
        if (q.problem.empty() && q.score > 0.95) break; // good enough: do not keep the person waiting
    }
    if (!best) throw FaceNotUsable("no usable face in the live source: one person, facing the camera");
    cv::Mat chip = face::decodeImage(chipImage);
    FaceMatchResult r = impl_->compare(chip, *best, checkLiveness);
    r.frameQuality = bestQuality.score;
    r.advice = bestQuality.problem;
    secureZero(chip.data, chip.total() * chip.elemSize());
    secureZero(best->data, best->total() * best->elemSize());
    r.totalMs = msSince(start);
    return r;
}

FaceMatchResult FaceMatcher::Impl::compare(const cv::Mat& chip, const cv::Mat& live, bool checkLiveness)
{
    if (checkLiveness && !liveness) {
        throw Error(ErrorKind::NotFound, std::string("liveness models not installed (") + face::livenessV2Model.name + ", " +
                                             face::livenessV1SeModel.name + "): run scripts/install-models");
    }
    FaceMatchResult r;
    r.threshold = shippedThreshold;
    std::optional<face::Descriptor> a = describe(chip, false, &r.detectMs, &r.embedMs);
    if (!a) throw FaceNotUsable("no face found in the chip photo");
    std::optional<face::Descriptor> b = describe(live, true, &r.detectMs, &r.embedMs, checkLiveness ? &r.liveness : nullptr);
    if (!b) throw FaceNotUsable("no face found in the live image: face the camera");
    r.score = face::similarity(face::distance(*a, *b));
    r.match = r.score >= r.threshold;
    secureZero(a->data(), sizeof(float) * a->size());
    secureZero(b->data(), sizeof(float) * b->size());
    return r;
}

} // namespace cccd
