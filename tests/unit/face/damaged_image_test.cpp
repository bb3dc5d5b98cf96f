// Images that do not decode cleanly: a chip JPEG cut short is refused when the cut reaches the face and
// compared with a warning when it does not; JPEG 2000 cut short is refused; EXIF orientation and PNG.
#include "cccd/error.hpp"
#include "face/image_decoding.hpp"
#include "face_fixtures.hpp"

#include <catch2/catch.hpp>
#include <opencv2/imgproc.hpp>

using namespace cccd;

TEST_CASE("a chip JPEG cut to a third is refused, the face being cut, and one cut below the face is compared with a warning")
{
    Bytes chip = test::readFile(test::sampleChipFace());
    Bytes live = test::photo("public-domain/astronaut.png");

    face::DecodedImage whole = face::decodeImageChecked(chip);
    CHECK(whole.damage.empty());
    CHECK(whole.intact == cv::Rect(0, 0, whole.pixels.cols, whole.pixels.rows));

    Bytes third = test::cutShort(chip, 1.0 / 3);
    face::DecodedImage cut = face::decodeImageChecked(third);
    CHECK(cut.damage == "Premature end of JPEG file");
    CHECK(cut.intact.height < cut.pixels.rows / 2);
    CHECK(cv::mean(cut.pixels.row(cut.pixels.rows - 1))[0] == 128); // the rest is filler
    try {
        test::matcher().compare(third, live);
        FAIL("a chip photo cut through the face was compared");
    } catch (const FaceNotUsable&) {
        FAIL("a damaged chip photo is a data error, not a face answer");
    } catch (const Error& e) {
        CHECK(e.kind() == ErrorKind::MalformedData);
        CHECK_THAT(e.what(), Catch::StartsWith("the chip photo is damaged (Premature end of JPEG file; only ") &&
                                 Catch::EndsWith("where the face is: read the card again"));
    }
    CHECK_THROWS_WITH(test::matcher().compare(test::cutShort(chip, 0.15), live), Catch::Contains("and shows no face: read the card again"));

    FaceMatchResult belowFace = test::matcher().compare(test::cutShort(chip, 0.8), live);
    CHECK(belowFace.match);
    REQUIRE(belowFace.warnings.size() == 1);
    CHECK_THAT(belowFace.warnings[0], Catch::StartsWith("the chip photo is damaged (Premature end of JPEG file; only ") &&
                                          Catch::Contains("away from the face"));
}

TEST_CASE("a JPEG 2000 chip photo cut short is refused with OpenJPEG's reason")
{
    cv::Mat image = face::decodeImage(test::readFile(test::sampleChipFace()));
    Bytes jp2;
    REQUIRE(cv::imencode(".jp2", image, jp2));
    CHECK_THROWS_WITH(face::decodeImage(test::cutShort(jp2, 0.9)), Catch::StartsWith("corrupt JPEG 2000: the image data does not decode ("));
}

TEST_CASE("a JPEG with an EXIF orientation is turned upright")
{
    // The liveness samples are stored sideways with orientation 6, as phones do.
    CHECK(face::decodeImage(test::photo("liveness/image_T1.jpg")).size() == cv::Size(480, 640));

    cv::Mat stored = face::decodeImage(test::photo("lfw-dev/Al_Gore/Al_Gore_0001.jpg"))(cv::Rect(0, 0, 250, 200));
    Bytes jpeg;
    REQUIRE(cv::imencode(".jpg", stored, jpeg, {cv::IMWRITE_JPEG_QUALITY, 100}));
    // APP1 "Exif", little-endian TIFF, one directory entry: orientation (0x0112), SHORT, 1 value, 6 (turn 90° clockwise).
    Bytes app1 = fromHex("FFE10022" "457869660000" "49492A0008000000" "0100" "120103000100000006000000" "00000000");
    jpeg.insert(jpeg.begin() + 2, app1.begin(), app1.end());
    cv::Mat upright = face::decodeImage(jpeg);
    cv::Mat expected;
    cv::rotate(stored, expected, cv::ROTATE_90_CLOCKWISE);
    REQUIRE(upright.size() == expected.size());
    CHECK(cv::norm(upright, expected, cv::NORM_L1) / static_cast<double>(upright.total()) < 3); // JPEG rounding only
}

TEST_CASE("PNG decodes with libpng, transparent pixels on white")
{
    cv::Mat opaque = face::decodeImage(test::photo("lfw-dev/Al_Gore/Al_Gore_0001.jpg"));
    CHECK(cv::norm(face::decodeImage(test::encodePng(opaque)), opaque, cv::NORM_INF) == 0);

    cv::Mat transparent(10, 10, CV_8UC4, cv::Scalar(0, 0, 0, 0));
    cv::Mat decoded = face::decodeImage(test::encodePng(transparent));
    CHECK(decoded.at<cv::Vec3b>(5, 5) == cv::Vec3b(255, 255, 255));
    CHECK_THROWS_WITH(face::decodeImage(test::cutShort(test::encodePng(opaque), 0.5)), Catch::StartsWith("corrupt PNG: "));
}
