// The card-face QR: made with Debian's qrencode at test time (Vietnamese UTF-8), then rotated and blurred.
#include "cccd/error.hpp"
#include "face/qr_reader.hpp"
#include "vn/qr_payload.hpp"

#include <catch2/catch.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <cstdlib>
#include <unistd.h>

using namespace cccd;

namespace {
const std::string payload = "079301000123||Trần Thị Bích Ngọc|23072001|Nữ|123/45 Đường Nguyễn Thị Minh Khai, Phường Bến Thành, Quận 1, TP Hồ Chí Minh|10092022";

cv::Mat encoded()
{
    if (std::system("command -v qrencode >/dev/null 2>&1") != 0) {
        WARN("SKIPPED: qrencode missing (Debian qrencode)");
        std::exit(4);
    }
    std::string path = "/tmp/cccd-qr-" + std::to_string(::getpid()) + ".png";
    REQUIRE(std::system(("qrencode -s 4 -m 4 -o " + path + " '" + payload + "'").c_str()) == 0);
    cv::Mat image = cv::imread(path);
    std::remove(path.c_str());
    REQUIRE_FALSE(image.empty());
    return image;
}

void requireFields(const std::optional<std::string>& text)
{
    REQUIRE(text.has_value());
    CHECK(*text == payload);
    vn::QrPayload q = vn::parseQrPayload(*text);
    CHECK(q.idNumber == "079301000123");
    CHECK_FALSE(q.oldIdNumber.has_value());
    CHECK(q.fullName == "Trần Thị Bích Ngọc");
    CHECK(q.dateOfBirth.iso() == "2001-07-23");
    CHECK(q.sex == "F");
    CHECK(q.dateOfIssue.iso() == "2022-09-10");
}
} // namespace

TEST_CASE("the card-face QR decodes to the right fields, straight, rotated and blurred")
{
    cv::Mat qr = encoded();
    requireFields(face::readQrCode(qr));

    cv::Mat canvas(qr.rows * 2, qr.cols * 2, CV_8UC3, cv::Scalar(255, 255, 255));
    qr.copyTo(canvas(cv::Rect(qr.cols / 2, qr.rows / 2, qr.cols, qr.rows)));
    cv::Mat rotated;
    cv::warpAffine(canvas, rotated, cv::getRotationMatrix2D(cv::Point2f(canvas.cols / 2.0f, canvas.rows / 2.0f), 27, 1.0), canvas.size(),
                   cv::INTER_LINEAR, cv::BORDER_CONSTANT, cv::Scalar(255, 255, 255));
    requireFields(face::readQrCode(rotated));

    cv::Mat blurred;
    cv::GaussianBlur(rotated, blurred, cv::Size(0, 0), 1.2);
    requireFields(face::readQrCode(blurred));
}

TEST_CASE("an image without a QR code gives nothing")
{
    cv::Mat blank(200, 200, CV_8UC3, cv::Scalar(255, 255, 255));
    CHECK_FALSE(face::readQrCode(blank).has_value());
}
