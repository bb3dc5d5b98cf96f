// Is the person at the counter the person on the chip? Compares the chip photo (DG2) with a live image:
// face detection (YuNet, or dlib HOG when YuNet is not installed), 128-d descriptors (dlib ResNet) and a
// threshold chosen on labelled pairs. Images are biometric data: nothing here logs or keeps them.
#pragma once

#include "cccd/error.hpp"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace cccd {

/** No face, or more than one person, where one face was needed: an answer to give the person, not a fault. */
class FaceNotUsable : public Error {
public:
    /** message: what to tell the person ("no face found in the live image: the picture is black ..."). */
    explicit FaceNotUsable(const std::string& message) : Error(ErrorKind::InvalidArgument, message) {}
};

/** Whether the live face is a real person in front of the camera, not a photo or a screen. */
struct LivenessResult {
    bool live = false; ///< a real person in front of the camera
    double score = 0; ///< probability of "real" (MiniFASNet ensemble), live when it is the most likely class
};

/** The answer of a comparison. */
struct FaceMatchResult {
    bool match = false; ///< the same person: score >= threshold
    /** Similarity in [0, 1]: 1 - the Euclidean distance of the two descriptors (clamped). */
    double score = 0;
    /** The score at or above which faces match (see docs/face.md for how it was chosen). */
    double threshold = 0;
    std::optional<LivenessResult> liveness; ///< when asked for
    double frameQuality = 0;                ///< 0-1: size, sharpness, light and pose of the live face
    std::string advice;                     ///< empty, or what to tell the person ("come closer to the camera", ...)
    /** Damage short of a refusal, e.g. a chip photo cut short below the face: shown with the result, never dropped. */
    std::vector<std::string> warnings;
    double detectMs = 0; ///< finding the faces, milliseconds
    double embedMs = 0;  ///< computing the descriptors, milliseconds
    double totalMs = 0;  ///< the whole comparison, milliseconds
};

/** The face models, loaded once; compares a chip photo with live images. One thread at a time per matcher. */
class FaceMatcher {
public:
    /** Loads the models from modelFolder (or the default places); throws Error(NotFound) naming a missing model. */
    explicit FaceMatcher(const std::string& modelFolder = "");
    ~FaceMatcher();
    /// Moves the loaded models; the moved-from object may only be destroyed or assigned to.
    ///@{
    FaceMatcher(FaceMatcher&&) noexcept;
    FaceMatcher& operator=(FaceMatcher&&) noexcept;
    ///@}

    /** chipImage: JPEG or JPEG 2000 from DG2; liveImage: an encoded frame (JPEG, PNG ...).
     *  Throws FaceNotUsable ("no face found ...: the picture is black ...", "several faces ...") when a face
     *  cannot be compared: no descriptor is computed and no score given. Throws Error(MalformedData) for an
     *  image that does not decode, or one cut short where the face is (or should be). */
    FaceMatchResult compare(const std::vector<std::uint8_t>& chipImage, const std::vector<std::uint8_t>& liveImage,
                            bool checkLiveness = false);

    /** Takes up to maxFrames from a live source (camera:N, a video file, an image or a folder of images),
     *  picks the best-quality frame with one face, and compares it with the chip photo. */
    FaceMatchResult compareWithSource(const std::vector<std::uint8_t>& chipImage, const std::string& source, bool checkLiveness = false,
                                      int maxFrames = 15);

    /** False when YuNet is not installed and the dlib HOG detector is used instead. */
    bool usesYunet() const noexcept;
    static double defaultThreshold() noexcept; ///< the shipped threshold (0.40, see docs/face.md)
    /** False when the liveness models are not installed: compare(…, true) then throws Error(NotFound). */
    bool hasLiveness() const noexcept;

    struct Impl;
    Impl& impl() noexcept { return *impl_; } ///< for the SDK's own layers, not part of the API

private:
    std::unique_ptr<Impl> impl_;
};

} // namespace cccd
