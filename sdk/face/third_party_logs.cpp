#include "face/third_party_logs.hpp"

#include "core/log.hpp"

#include <opencv2/core/utils/logger.hpp>

#include <cstdlib>
#include <mutex>

namespace cccd::face {

void quietThirdPartyLogs()
{
    static std::once_flag once;
    std::call_once(once, [] {
        if (log::enabled(LogLevel::Debug)) return;
        // OpenCV 4.6 has no hook to route its messages into our sink, so they are dropped.
        if (!std::getenv("OPENCV_LOG_LEVEL")) cv::utils::logging::setLogLevel(cv::utils::logging::LOG_LEVEL_SILENT);
        // OpenCV sets FFmpeg's level from this when it first opens a video; -8 is AV_LOG_QUIET. Not overwritten if set.
        ::setenv("OPENCV_FFMPEG_LOGLEVEL", "-8", 0);
    });
}

} // namespace cccd::face
