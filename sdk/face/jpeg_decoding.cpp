// JPEG with libjpeg-turbo. A file cut short still decodes: libjpeg warns and fills the rest with filler,
// so the warning and the part that holds real data are reported instead of being dropped.
#include "cccd/error.hpp"
#include "face/decoders.hpp"
#include "face/exif_orientation.hpp"

#include <opencv2/imgproc.hpp>
#include <turbojpeg.h>

#include <algorithm>
#include <memory>

namespace cccd::face {

namespace {
// Blocks libjpeg could not read keep zero coefficients: mid-grey, from where the data ends to the end of the
// image, in stored order (rows of blocks, left to right). Above the block row holding the last real pixel all is
// intact; that row may be partly filler, and colour upsampling can bleed into the row below it, hence one row less.
cv::Rect intactPart(const cv::Mat& bgr)
{
    constexpr int blockRow = 16; // the tallest MCU (4:2:0 chroma)
    const cv::Vec3b filler(128, 128, 128);
    if (bgr.at<cv::Vec3b>(bgr.rows - 1, bgr.cols - 1) != filler) return cv::Rect(0, 0, bgr.cols, bgr.rows); // no filler at the end
    for (int y = bgr.rows - 1; y >= 0; --y) {
        const cv::Vec3b* row = bgr.ptr<cv::Vec3b>(y);
        if (std::any_of(row, row + bgr.cols, [&filler](const cv::Vec3b& p) { return p != filler; })) {
            return cv::Rect(0, 0, bgr.cols, std::max(0, (y / blockRow - 1) * blockRow));
        }
    }
    return cv::Rect(0, 0, bgr.cols, 0); // nothing but filler
}
} // namespace

// A progressive JPEG of thousands of tiny scans costs minutes of CPU for a small file: libjpeg-turbo stops at 500.
constexpr int jpegFlags = TJFLAG_ACCURATEDCT | TJFLAG_LIMITSCANS;

DecodedImage decodeJpeg(ByteView data)
{
    std::unique_ptr<void, int (*)(tjhandle)> tj(tjInitDecompress(), tjDestroy);
    int width = 0, height = 0, subsampling = 0, colorspace = 0;
    if (!tj || tjDecompressHeader3(tj.get(), data.data(), static_cast<unsigned long>(data.size()), &width, &height, &subsampling, &colorspace) != 0) {
        throw Error(ErrorKind::MalformedData, "corrupt JPEG: its header does not decode");
    }
    checkSize(width, height, "JPEG");
    DecodedImage out = undamaged(cv::Mat(height, width, CV_8UC3));
    if (tjDecompress2(tj.get(), data.data(), static_cast<unsigned long>(data.size()), out.pixels.data, width, 0, height, TJPF_BGR,
                      jpegFlags) != 0) {
        if (tjGetErrorCode(tj.get()) == TJERR_FATAL) throw Error(ErrorKind::MalformedData, std::string("corrupt JPEG: ") + tjGetErrorStr2(tj.get()));
        out.damage = tjGetErrorStr2(tj.get()); // a warning: "Premature end of JPEG file", "Corrupt JPEG data: ..."
        out.intact = intactPart(out.pixels);
    }
    int orientation = exifOrientation(data);
    if (orientation != 1) {
        cv::Mat intact(out.pixels.size(), CV_8UC1, cv::Scalar(0));
        intact(out.intact).setTo(255);
        applyOrientation(out.pixels, orientation);
        applyOrientation(intact, orientation);
        out.intact = cv::boundingRect(intact);
    }
    return out;
}

} // namespace cccd::face
