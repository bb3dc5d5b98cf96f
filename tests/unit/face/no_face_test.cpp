// Pictures without a face get "no face found" and the real cause, never a score: YuNet alone is confident
// (0.6-0.97) it sees faces in black frames, flat colour and noise.
#include "face/face_matcher.hpp"
#include "face/image_decoding.hpp"
#include "face/plausibility.hpp"
#include "face/quality.hpp"
#include "face_fixtures.hpp"

#include <catch2/catch.hpp>
#include <opencv2/imgproc.hpp>

using namespace cccd;

TEST_CASE("black, sky-blue and noise pictures hold no face for the detector")
{
    for (const auto& [name, frame] : test::facelessFrames()) {
        INFO(name);
        CHECK(test::matcher().impl().detector.detect(frame).empty());
    }
    CHECK(test::matcher().impl().detector.detect(face::decodeImage(test::photo("lfw-dev/Al_Gore/Al_Gore_0001.jpg"))).size() == 1);
}

TEST_CASE("a black, sky-blue or noise live image or chip photo gives no face found with its cause, and no score")
{
    Bytes face = test::readFile(test::sampleChipFace());
    for (const auto& [name, frame, cause] : std::vector<std::tuple<std::string, cv::Mat, std::string>>{
             {"black", test::facelessFrames()[0].second, "the picture is black (no light, or the camera is covered)"},
             {"sky blue", test::facelessFrames()[1].second, "the picture is blank (one flat colour)"},
             {"noise", test::facelessFrames()[2].second, "face the camera"}}) {
        INFO(name);
        Bytes png = test::encodePng(frame);
        CHECK_THROWS_AS(test::matcher().compare(face, png), FaceNotUsable); // no result, hence no score
        CHECK_THROWS_WITH(test::matcher().compare(face, png), "no face found in the live image: " + cause);
        CHECK_THROWS_WITH(test::matcher().compare(png, face), Catch::StartsWith("no face found in the chip photo") && !Catch::Contains("blurred"));
    }
}

TEST_CASE("images smaller than YuNet's input are searched, not an internal error")
{
    cv::Mat face = face::decodeImage(test::photo("lfw-dev/Al_Gore/Al_Gore_0001.jpg"));
    for (const cv::Size& size : {cv::Size(16, 16), cv::Size(40, 200), cv::Size(200, 48)}) {
        INFO(size);
        cv::Mat small;
        cv::resize(face, small, size);
        CHECK_NOTHROW(test::matcher().impl().detector.detect(small));
    }
    cv::Mat tight = face(cv::Rect(70, 70, 110, 130)); // a face filling a 110 x 130 crop, halved to 55 x 65
    cv::resize(tight, tight, cv::Size(), 0.5, 0.5);
    CHECK(test::matcher().impl().detector.detect(tight).size() == 1);
}

TEST_CASE("the advice names the real cause: too dark, not blurred, for a dark face")
{
    cv::Mat bright = face::decodeImage(test::photo("lfw-dev/Al_Gore/Al_Gore_0002.jpg"));
    cv::Mat dark = bright * 0.15;
    std::vector<face::Detection> faces = test::matcher().impl().detector.detect(dark);
    REQUIRE(faces.size() == 1);
    CHECK(face::assessQuality(dark, faces[0]).problem == "too dark: more light on the face");

    cv::Mat darker = bright * 0.02; // nothing left to find: the picture, not the face, is the answer
    CHECK(test::matcher().impl().detector.detect(darker).empty());
    CHECK(face::whyNoFace(darker) == "the picture is black (no light, or the camera is covered)");
}

TEST_CASE("a detection whose landmarks fall outside its box is not a face")
{
    cv::Mat image = face::decodeImage(test::photo("lfw-dev/Al_Gore/Al_Gore_0001.jpg"));
    std::vector<face::Detection> faces = test::matcher().impl().detector.detect(image);
    REQUIRE(faces.size() == 1);
    CHECK(face::plausibleFace(image, faces[0]));
    face::Detection moved = faces[0];
    moved.landmarks[3].y += moved.box.height; // a mouth corner a face height below the box
    CHECK_FALSE(face::plausibleFace(image, moved));
    face::Detection tiny = faces[0];
    tiny.box.width = tiny.box.height = 12;
    tiny.hasLandmarks = false;
    CHECK_FALSE(face::plausibleFace(image, tiny));
}
