#include "face/image_decoding.hpp"

#include "cccd/error.hpp"
#include "face/decoders.hpp"
#include "face/third_party_logs.hpp"
#include "lds/dg2.hpp"

#include <opencv2/imgcodecs.hpp>

#include <string>

namespace cccd::face {

DecodedImage undamaged(cv::Mat pixels)
{
    cv::Rect all(0, 0, pixels.cols, pixels.rows);
    return DecodedImage{std::move(pixels), {}, all};
}

void checkSize(int width, int height, const char* format) { checkImageLimits(ImageHeader{format, width, height}, ErrorKind::MalformedData); }

DecodedImage decodeImageChecked(ByteView encoded)
{
    std::optional<ImageHeader> header = readImageHeader(encoded);
    // Not a recognised image at all: the caller passed the wrong file (a usage error), unlike a damaged chip photo.
    if (encoded.empty()) throw Error(ErrorKind::InvalidArgument, "the image is empty (0 bytes)");
    if (!header) throw Error(ErrorKind::InvalidArgument, "not an image this SDK can decode (JPEG, JPEG 2000, PNG, BMP)");
    checkImageLimits(*header, ErrorKind::MalformedData);
    switch (lds::detectImageFormat(encoded)) {
    case lds::ImageFormat::Jpeg: return decodeJpeg(encoded);
    case lds::ImageFormat::Jpeg2000: return undamaged(decodeJpeg2000(encoded));
    case lds::ImageFormat::Unknown: break;
    }
    if (std::string(header->format) == "PNG") return undamaged(decodePng(encoded));
    quietThirdPartyLogs(); // OpenCV's BMP reader logs through OpenCV
    cv::Mat buffer(1, static_cast<int>(encoded.size()), CV_8UC1, const_cast<std::uint8_t*>(encoded.data()));
    cv::Mat out = cv::imdecode(buffer, cv::IMREAD_COLOR);
    if (out.empty()) throw Error(ErrorKind::MalformedData, "corrupt BMP: it does not decode");
    checkSize(out.cols, out.rows, "BMP");
    return undamaged(out);
}

cv::Mat decodeImage(ByteView encoded) { return decodeImageChecked(encoded).pixels; }

} // namespace cccd::face
