// The face to compare in the chip photo or in the live image, or the answer why there is none: no face (and
// what the picture shows instead), several people side by side, or an image cut short where the face is.
#pragma once

#include "face/detector.hpp"
#include "face/image_decoding.hpp"

#include <string>
#include <vector>

namespace cccd::face {

/** Which of the two images, for the answers: "no face found in the chip photo", "... take the picture again". */
struct ImageRole {
    const char* name;
    const char* noFaceAdvice; ///< when the picture itself shows no reason
    const char* retry;        ///< what to do about a damaged image
    bool onePerson;           ///< refuse two faces of similar size (two people at the counter)
};
inline constexpr ImageRole chipPhoto{"the chip photo", "", "read the card again", false};
inline constexpr ImageRole liveImage{"the live image", "face the camera", "take the picture again", true};

/** The main face among the faces detected in image. Throws FaceNotUsable (no face, several people), or
 *  Error(MalformedData) when the image is cut short where the face is, or damaged and shows no face.
 *  Damage away from the face is added to warnings: the face is compared, and the damage said. */
Detection usableFace(const std::vector<Detection>& faces, const DecodedImage& image, const ImageRole& role,
                     std::vector<std::string>& warnings);

} // namespace cccd::face
