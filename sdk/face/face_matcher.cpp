#include "face/face_matcher.hpp"

#include "cccd/error.hpp"
#include "core/secure.hpp"
#include "face/live_source.hpp"
#include "face/quality.hpp"
#include "face/usable_face.hpp"

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

void wipe(const cv::Mat& image) { secureZero(image.data, image.total() * image.elemSize()); } // a face
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

std::optional<face::Descriptor> FaceMatcher::Impl::describe(const cv::Mat& bgr)
{
    std::vector<face::Detection> faces = detector.detect(bgr);
    if (faces.empty()) return std::nullopt;
    return embedder.embed(bgr, *face::mainFace(faces, bgr.size()));
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
    face::DecodedImage chip = face::decodeImageChecked(chipImage);
    face::DecodedImage live = face::decodeImageChecked(liveImage);
    FaceMatchResult r = impl_->compare(chip, live, checkLiveness);
    wipe(chip.pixels);
    wipe(live.pixels);
    r.totalMs = msSince(start);
    return r;
}

FaceMatchResult FaceMatcher::compareWithSource(const std::vector<std::uint8_t>& chipImage, const std::string& source, bool checkLiveness,
                                               int maxFrames)
{
    auto start = Clock::now();
    face::LiveSource frames(source);
    std::optional<face::DecodedImage> best;
    face::Quality bestQuality;
    std::string problem = "no usable face in the live source: it gave no picture";
    for (int i = 0; i < maxFrames; ++i) {
        std::optional<face::DecodedImage> frame = frames.next();
        if (!frame) break;
        std::vector<std::string> warnings; // said once the chosen frame is compared
        face::Quality q;
        try {
            q = face::assessQuality(frame->pixels, face::usableFace(impl_->detector.detect(frame->pixels), *frame, face::liveImage, warnings));
        } catch (const FaceNotUsable& e) {
            problem = e.what(); // the last frame's reason: "the picture is black ...", "several faces ..."
            continue;
        }
        if (!best || q.score > bestQuality.score) {
            best = frame;
            bestQuality = q;
        }
        if (q.problem.empty() && q.score > 0.95) break; // good enough: do not keep the person waiting
    }
    if (!best) throw FaceNotUsable(problem);
    face::DecodedImage chip = face::decodeImageChecked(chipImage);
    FaceMatchResult r = impl_->compare(chip, *best, checkLiveness);
    r.frameQuality = bestQuality.score;
    r.advice = bestQuality.problem;
    wipe(chip.pixels);
    wipe(best->pixels);
    r.totalMs = msSince(start);
    return r;
}

FaceMatchResult FaceMatcher::Impl::compare(const face::DecodedImage& chip, const face::DecodedImage& live, bool checkLiveness)
{
    if (checkLiveness && !liveness) {
        throw Error(ErrorKind::NotFound, std::string("liveness models not installed (") + face::livenessV2Model.name + ", " +
                                             face::livenessV1SeModel.name + "): run scripts/install-models");
    }
    FaceMatchResult r;
    r.threshold = shippedThreshold;
    // Both faces are found and checked before anything is computed from either: no descriptor, no score for a non-face.
    auto t0 = Clock::now();
    face::Detection chipFace = face::usableFace(detector.detect(chip.pixels), chip, face::chipPhoto, r.warnings);
    face::Detection liveFace = face::usableFace(detector.detect(live.pixels), live, face::liveImage, r.warnings);
    r.detectMs = msSince(t0);
    if (checkLiveness) {
        face::Liveness l = liveness->check(live.pixels, liveFace);
        r.liveness = LivenessResult{l.live, l.score};
    }
    auto t1 = Clock::now();
    face::Descriptor a = embedder.embed(chip.pixels, chipFace);
    face::Descriptor b = embedder.embed(live.pixels, liveFace);
    r.embedMs = msSince(t1);
    r.score = face::similarity(face::distance(a, b));
    r.match = r.score >= r.threshold;
    secureZero(a.data(), sizeof a);
    secureZero(b.data(), sizeof b);
    return r;
}

} // namespace cccd
