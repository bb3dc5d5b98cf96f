// Where live frames come from, behind one interface: camera:N (V4L2), a video file, an image file or a
// folder of images — so tests and demos run without a camera.
#pragma once

#include "cccd/error.hpp"
#include "face/image_decoding.hpp"

#include <opencv2/core.hpp>
#include <opencv2/videoio.hpp>

#include <optional>
#include <string>
#include <vector>

namespace cccd::face {

/** The source itself cannot be opened (no such camera, file or folder): the agent tells a missing camera apart
 *  from a missing model this way. */
class SourceUnavailable : public Error {
public:
    explicit SourceUnavailable(const std::string& message) : Error(ErrorKind::NotFound, message) {}
};

class LiveSource {
public:
    /** Throws SourceUnavailable (an Error(NotFound)) when the source cannot be opened. */
    explicit LiveSource(const std::string& spec);
    /** The next frame, or nothing when the source is exhausted. Image files are decoded as chip photos are
     *  (decodeImageChecked: no libpng chatter, damage reported); throws Error(MalformedData) for a corrupt one. */
    std::optional<DecodedImage> next();

private:
    cv::VideoCapture capture_;
    std::vector<std::string> files_;
    std::size_t nextFile_ = 0;
};

} // namespace cccd::face
