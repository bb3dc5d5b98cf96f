#include "face/live_source.hpp"

#include "cccd/error.hpp"
#include "core/file_io.hpp"
#include "core/secure.hpp"
#include "face/image_file.hpp"
#include "face/third_party_logs.hpp"

#include <opencv2/imgcodecs.hpp>

#include <sys/stat.h>

#include <algorithm>
#include <filesystem>

namespace cccd::face {

namespace {
// Video frames have no header we read first: their size is checked as FFmpeg reports it, before they are used.
void checkFrameSize(const std::string& spec, double width, double height)
{
    try {
        checkImageLimits(ImageHeader{"video", static_cast<long long>(width), static_cast<long long>(height)}, ErrorKind::InvalidArgument);
    } catch (const Error& e) {
        throw Error(ErrorKind::InvalidArgument, spec + ": " + e.what());
    }
}

// A FIFO or a device would block or never end: said at once instead.
void requireRegularFile(const std::string& spec)
{
    struct stat st {};
    if (::stat(spec.c_str(), &st) == 0 && !S_ISREG(st.st_mode)) {
        throw Error(ErrorKind::InvalidArgument, "the live source " + spec + " is " + fileTypeName(st.st_mode) + ", not an image, folder, video or camera:N");
    }
}
} // namespace

LiveSource::LiveSource(const std::string& spec)
{
    quietThirdPartyLogs(); // before V4L2 or FFmpeg is asked for anything
    if (spec.rfind("camera:", 0) == 0) {
        int index = -1;
        try {
            index = std::stoi(spec.substr(7));
        } catch (const std::exception&) {
        }
        if (index < 0 || !capture_.open(index, cv::CAP_V4L2)) throw SourceUnavailable("cannot open " + spec + " (V4L2)");
    } else if (std::error_code ec; std::filesystem::is_directory(spec, ec)) {
        for (std::filesystem::directory_iterator it(spec, ec), end; !ec && it != end; it.increment(ec)) {
            std::error_code typeError; // an entry that cannot be looked at is no image
            if (it->is_regular_file(typeError) && cv::haveImageReader(it->path().string())) files_.push_back(it->path().string());
        }
        if (ec) throw SourceUnavailable("cannot list the folder " + spec + ": " + ec.message());
        std::sort(files_.begin(), files_.end());
        if (files_.empty()) throw SourceUnavailable("no images in " + spec);
    } else {
        requireRegularFile(spec);
        bool regular = std::filesystem::is_regular_file(spec, ec); // a path it may not look into: a source it cannot open
        if (regular && cv::haveImageReader(spec)) {
            files_.push_back(spec);
        } else if (!regular || !capture_.open(spec, cv::CAP_FFMPEG)) {
            // FFmpeg only: OpenCV's other backends probe GStreamer plugins and USB cameras (gphoto2) for a file name.
            throw SourceUnavailable("cannot open the live source " + spec + " (image, folder, video or camera:N)");
        } else {
            checkFrameSize(spec, capture_.get(cv::CAP_PROP_FRAME_WIDTH), capture_.get(cv::CAP_PROP_FRAME_HEIGHT));
        }
    }
}

std::optional<DecodedImage> LiveSource::next()
{
    if (capture_.isOpened()) {
        cv::Mat frame;
        if (!capture_.read(frame) || frame.empty()) return std::nullopt;
        checkFrameSize("a frame", frame.cols, frame.rows);
        return undamaged(frame);
    }
    if (nextFile_ == files_.size()) return std::nullopt;
    Bytes encoded = readImageFile(files_[nextFile_++]);
    DecodedImage image = decodeImageChecked(encoded);
    secureZero(encoded.data(), encoded.size()); // a face
    return image;
}

} // namespace cccd::face
