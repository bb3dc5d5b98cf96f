#include "face/usable_face.hpp"

#include "cccd/face.hpp"
#include "face/plausibility.hpp"

namespace cccd::face {

namespace {
// The descriptor is taken from an aligned crop a little larger than the detection box (chin, sides of the face).
constexpr float faceMargin = 0.1f;

bool cutShort(const DecodedImage& image) { return image.intact.area() < image.pixels.cols * image.pixels.rows; }

// "the chip photo is damaged (Premature end of JPEG file; only 30 % of it decodes)"
std::string damage(const DecodedImage& image, const ImageRole& role)
{
    std::string text = std::string(role.name) + " is damaged (" + image.damage;
    if (cutShort(image)) {
        int percent = static_cast<int>(100.0 * image.intact.area() / (static_cast<double>(image.pixels.cols) * image.pixels.rows));
        text += "; only " + std::to_string(percent) + " % of it decodes";
    }
    return text + ")";
}
} // namespace

Detection usableFace(const std::vector<Detection>& faces, const DecodedImage& image, const ImageRole& role, std::vector<std::string>& warnings)
{
    if (faces.empty()) {
        if (!image.damage.empty()) throw Error(ErrorKind::MalformedData, damage(image, role) + " and shows no face: " + role.retry);
        std::string cause = whyNoFace(image.pixels);
        if (cause.empty()) cause = role.noFaceAdvice;
        throw FaceNotUsable(std::string("no face found in ") + role.name + (cause.empty() ? "" : ": " + cause));
    }
    if (role.onePerson && competingFaces(faces) > 1) {
        throw FaceNotUsable(std::string("several faces in ") + role.name + " at the same distance: one person at a time");
    }
    const Detection& main = *mainFace(faces, image.pixels.size());
    cv::Rect box = cv::Rect(grown(main.box, faceMargin)) & cv::Rect(0, 0, image.pixels.cols, image.pixels.rows);
    if ((box & image.intact) != box) throw Error(ErrorKind::MalformedData, damage(image, role) + " where the face is: " + role.retry);
    if (!image.damage.empty()) warnings.push_back(damage(image, role) + " away from the face: compared anyway; " + role.retry + " to be sure");
    return main;
}

} // namespace cccd::face
