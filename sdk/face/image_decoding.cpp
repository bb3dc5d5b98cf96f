#include "face/image_decoding.hpp"

#include "cccd/error.hpp"
#include "face/decoders.hpp"
#include "face/third_party_logs.hpp"
#include "lds/dg2.hpp"

#include <opencv2/imgcodecs.hpp>

#include <algorithm>

namespace cccd::face {

namespace {
bool isPng(ByteView data)
{
    static const std::uint8_t signature[] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    return data.size() >= sizeof signature && std::equal(std::begin(signature), std::end(signature), data.begin());
}
} // namespace

DecodedImage undamaged(cv::Mat pixels)
{
    cv::Rect all(0, 0, pixels.cols, pixels.rows);
    return DecodedImage{std::move(pixels), {}, all};
}

void checkSize(int width, int height, const char* format)
{
    if (width <= 0 || height <= 0 || static_cast<long long>(width) * height > maxPixels) {
        throw Error(ErrorKind::MalformedData, std::string(format) + " image of " + std::to_string(width) + "x" + std::to_string(height) +
                                                  " pixels refused (empty or larger than " + std::to_string(maxPixels) + ")");
    }
}

DecodedImage decodeImageChecked(ByteView encoded)
{
    switch (lds::detectImageFormat(encoded)) {
    case lds::ImageFormat::Jpeg: return decodeJpeg(encoded);
    case lds::ImageFormat::Jpeg2000: return undamaged(decodeJpeg2000(encoded));
    case lds::ImageFormat::Unknown: break;
    }
    if (isPng(encoded)) return undamaged(decodePng(encoded));
    // Not a recognised image at all: the caller passed the wrong file (a usage error), unlike a damaged chip photo.
    if (encoded.empty()) throw Error(ErrorKind::InvalidArgument, "the image is empty (0 bytes)");
    quietThirdPartyLogs(); // OpenCV's other readers log through OpenCV
    cv::Mat buffer(1, static_cast<int>(encoded.size()), CV_8UC1, const_cast<std::uint8_t*>(encoded.data()));
    cv::Mat out = cv::imdecode(buffer, cv::IMREAD_COLOR);
    if (out.empty()) throw Error(ErrorKind::InvalidArgument, "not an image this SDK can decode (JPEG, JPEG 2000, PNG, BMP)");
    checkSize(out.cols, out.rows, "image");
    return undamaged(out);
}

cv::Mat decodeImage(ByteView encoded) { return decodeImageChecked(encoded).pixels; }

} // namespace cccd::face
