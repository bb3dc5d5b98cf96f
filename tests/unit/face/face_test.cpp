// Real models on real images (../shared/faces): matching, decoding limits, missing faces and models.
#include "cccd/error.hpp"
#include "cccd/face.hpp"
#include "face/face_matcher.hpp"
#include "face/image_decoding.hpp"
#include "face/liveness.hpp"
#include "face/models.hpp"
#include "face_fixtures.hpp"

#include <catch2/catch.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <opencv2/videoio.hpp>

#include <filesystem>
#include <fstream>
#include <unistd.h>
#include <sstream>

using namespace cccd;
using test::matcher;
using test::modelFolder;
using test::photo;

TEST_CASE("same-person pairs match and different-person pairs do not (a sample of the dev pairs)")
{
    std::ifstream in(test::requireData("faces/lfw-dev-pairs.tsv"));
    std::string line;
    int same = 0, different = 0, right = 0, total = 0;
    for (int i = 0; std::getline(in, line); ++i) {
        if (i % 20 != 0) continue; // 30 of the 600 pairs
        std::istringstream fields(line);
        std::string label, a, b;
        std::getline(fields, label, '\t');
        std::getline(fields, a, '\t');
        std::getline(fields, b);
        // As face-eval does: the main face of each photo (LFW photos may show other people too).
        auto da = matcher().impl().describe(face::decodeImage(photo(a)));
        auto db = matcher().impl().describe(face::decodeImage(photo(b)));
        REQUIRE(da.has_value());
        REQUIRE(db.has_value());
        double score = face::similarity(face::distance(*da, *db));
        bool expected = label == "1";
        (expected ? same : different)++;
        right += (score >= FaceMatcher::defaultThreshold()) == expected;
        ++total;
    }
    CHECK(same > 5);
    CHECK(different > 5);
    CHECK(right >= total - 1); // 98.8% on all 600 pairs: at most one miss in this sample
    CHECK(matcher().usesYunet());
}

TEST_CASE("the sample citizen's chip face matches another crop of the same public-domain portrait")
{
    FaceMatchResult r = matcher().compare(test::readFile(test::sampleChipFace()), photo("public-domain/astronaut.png"));
    CHECK(r.match);
    CHECK(r.warnings.empty());
    FaceMatchResult other = matcher().compare(test::readFile(test::sampleChipFace()), photo("lfw-dev/Al_Gore/Al_Gore_0001.jpg"));
    CHECK_FALSE(other.match);
}

TEST_CASE("corrupt, oversized and faceless images get clear errors")
{
    Bytes jpeg = photo("lfw-dev/Al_Gore/Al_Gore_0001.jpg");
    Bytes cut(jpeg.begin(), jpeg.begin() + 20);
    CHECK_THROWS_AS(face::decodeImage(cut), Error);
    CHECK_THROWS_AS(face::decodeImage(fromHex("FF4FFF51000000")), Error);           // J2K codestream, cut off
    CHECK_THROWS_AS(face::decodeImage(fromHex("0000000C6A5020200D0A870A")), Error); // JP2 signature only
    CHECK_THROWS_AS(face::decodeImage(fromHex("00112233")), Error);
    // A JPEG header claiming 60000 x 60000 pixels is refused before any allocation.
    Bytes bomb = jpeg;
    for (std::size_t i = 2; i + 9 < bomb.size(); ++i) {
        if (bomb[i] == 0xFF && (bomb[i + 1] == 0xC0 || bomb[i + 1] == 0xC2)) {
            bomb[i + 5] = 0xEA, bomb[i + 6] = 0x60, bomb[i + 7] = 0xEA, bomb[i + 8] = 0x60;
            break;
        }
    }
    CHECK_THROWS_WITH(face::decodeImage(bomb), Catch::Contains("refused"));

    cv::Mat blank(480, 640, CV_8UC3, cv::Scalar(200, 200, 200));
    std::vector<std::uint8_t> png;
    cv::imencode(".png", blank, png);
    CHECK_THROWS_WITH(matcher().compare(jpeg, png), Catch::Contains("no face found in the live image"));
    CHECK_THROWS_AS(matcher().compare(jpeg, png), FaceNotUsable); // an answer to give, not a fault
}

TEST_CASE("a JPEG 2000 chip photo decodes")
{
    cv::Mat img = cv::imdecode(photo("lfw-dev/Al_Gore/Al_Gore_0001.jpg"), cv::IMREAD_COLOR);
    std::vector<std::uint8_t> jp2;
    REQUIRE(cv::imencode(".jp2", img, jp2));
    cv::Mat decoded = face::decodeImage(jp2);
    CHECK(decoded.cols == img.cols);
    CHECK(decoded.rows == img.rows);
    FaceMatchResult r = matcher().compare(jp2, photo("lfw-dev/Al_Gore/Al_Gore_0002.jpg"));
    CHECK(r.match);
}

TEST_CASE("a missing or wrong model is named, with every place searched")
{
    face::ModelStore store("/nonexistent-models");
    constexpr face::ModelFile absent{"no_such_model.onnx", "00"};
    CHECK_FALSE(store.find(absent).has_value());
    CHECK_THROWS_WITH(store.require(absent), Catch::Contains("no_such_model.onnx") && Catch::Contains("/nonexistent-models") &&
                                                 Catch::Contains("install-models"));
    std::string folder = "/tmp/cccd-wrong-models-" + std::to_string(::getpid());
    std::filesystem::create_directories(folder);
    std::ofstream(folder + "/dlib_face_recognition_resnet_model_v1.dat") << "not a model";
    CHECK_THROWS_WITH(face::ModelStore(folder).require(face::resnetModel), Catch::Contains("SHA-256 differs"));
    std::filesystem::remove_all(folder);
}

TEST_CASE("two people side by side in the live image are refused, then a small face in the background is not")
{
    cv::Mat a = cv::imdecode(photo("lfw-dev/Al_Gore/Al_Gore_0001.jpg"), cv::IMREAD_COLOR);
    cv::Mat b = cv::imdecode(photo("lfw-dev/Britney_Spears/Britney_Spears_0001.jpg"), cv::IMREAD_COLOR);
    cv::Mat both;
    cv::hconcat(a, b, both);
    std::vector<std::uint8_t> png;
    cv::imencode(".png", both, png);
    CHECK_THROWS_WITH(matcher().compare(photo("lfw-dev/Al_Gore/Al_Gore_0002.jpg"), png), Catch::Contains("several faces"));
    CHECK_THROWS_AS(matcher().compare(photo("lfw-dev/Al_Gore/Al_Gore_0002.jpg"), png), FaceNotUsable);
}

TEST_CASE("liveness: the real sample is live, the printed photo and the tablet screen are not")
{
    REQUIRE(matcher().hasLiveness());
    Bytes real = photo("liveness/image_T1.jpg");
    for (const auto& [file, expectedLive] : std::vector<std::pair<std::string, bool>>{
             {"liveness/image_T1.jpg", true}, {"liveness/image_F1.jpg", false}, {"liveness/image_F2.jpg", false}}) {
        INFO(file);
        FaceMatchResult r = matcher().compare(real, photo(file), true);
        REQUIRE(r.liveness.has_value());
        CHECK(r.liveness->live == expectedLive);
        CHECK((expectedLive ? r.liveness->score > 0.5 : r.liveness->score < 0.5));
    }
    CHECK_FALSE(matcher().compare(real, photo("liveness/image_T1.jpg")).liveness.has_value()); // only when asked
}

TEST_CASE("the liveness crop follows the reference pre-processing")
{
    // A face near the top-left corner: the 2.7x box is shifted inside the image, not shrunk.
    cv::Rect box = face::cropBox(cv::Size(480, 640), cv::Rect2f(10, 20, 100, 120), 2.7);
    CHECK(box.x == 0);
    CHECK(box.y == 0);
    CHECK(box.width == 271);
    CHECK(box.height == 325);
    // A face too large for scale 4.0: the scale shrinks to fit.
    cv::Rect big = face::cropBox(cv::Size(480, 640), cv::Rect2f(100, 100, 200, 300), 4.0);
    CHECK(big.width <= 480);
    CHECK(big.height <= 640);
}

TEST_CASE("without YuNet and the liveness models: dlib HOG detection, and liveness says it is not installed")
{
    std::string folder = "/tmp/cccd-dlib-only-" + std::to_string(::getpid());
    std::filesystem::create_directories(folder);
    for (const char* f : {"shape_predictor_5_face_landmarks.dat", "dlib_face_recognition_resnet_model_v1.dat"}) {
        std::filesystem::copy_file(modelFolder() + "/" + f, folder + "/" + f);
    }
    FaceMatcher dlibOnly(folder);
    CHECK_FALSE(dlibOnly.usesYunet());
    CHECK_FALSE(dlibOnly.hasLiveness());
    FaceMatchResult r = dlibOnly.compare(photo("lfw-dev/Al_Gore/Al_Gore_0001.jpg"), photo("lfw-dev/Al_Gore/Al_Gore_0002.jpg"));
    CHECK(r.match);
    CHECK_THROWS_WITH(dlibOnly.compare(photo("lfw-dev/Al_Gore/Al_Gore_0001.jpg"), photo("liveness/image_T1.jpg"), true),
                      Catch::Contains("liveness models not installed"));
    std::filesystem::remove_all(folder);
}

TEST_CASE("a live video: the best frame is chosen and compared, then quality advice for a tiny face")
{
    std::string video = "/tmp/cccd-live-" + std::to_string(::getpid()) + ".avi";
    cv::Mat good = cv::imdecode(photo("lfw-dev/Al_Gore/Al_Gore_0002.jpg"), cv::IMREAD_COLOR);
    cv::Mat blurred;
    cv::GaussianBlur(good, blurred, cv::Size(0, 0), 4.0);
    {
        cv::VideoWriter writer(video, cv::VideoWriter::fourcc('M', 'J', 'P', 'G'), 10, good.size());
        REQUIRE(writer.isOpened());
        for (int i = 0; i < 4; ++i) writer.write(blurred);
        writer.write(good);
    }
    FaceMatchResult r = matcher().compareWithSource(photo("lfw-dev/Al_Gore/Al_Gore_0001.jpg"), video, false, 10);
    std::remove(video.c_str());
    CHECK(r.match);
    CHECK(r.frameQuality > 0.5); // the sharp frame won

    cv::Mat tiny;
    cv::resize(good, tiny, cv::Size(), 0.3, 0.3);
    cv::Mat canvas(480, 640, CV_8UC3, cv::Scalar(128, 128, 128));
    tiny.copyTo(canvas(cv::Rect(300, 200, tiny.cols, tiny.rows)));
    std::string still = "/tmp/cccd-tiny-" + std::to_string(::getpid()) + ".png";
    cv::imwrite(still, canvas);
    try {
        FaceMatchResult small = matcher().compareWithSource(photo("lfw-dev/Al_Gore/Al_Gore_0001.jpg"), still);
        CHECK(small.advice == "come closer to the camera");
    } catch (const Error& e) {
        CHECK_THAT(e.what(), Catch::Contains("no usable face")); // too small to be found at all is also right
    }
    std::remove(still.c_str());
    CHECK_THROWS_AS(matcher().compareWithSource(photo("lfw-dev/Al_Gore/Al_Gore_0001.jpg"), "/nonexistent.avi"), Error);
}
