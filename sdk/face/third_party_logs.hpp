// OpenCV and FFmpeg write their own lines to stderr around ours ("[ WARN:0@0.3] global ... can't open camera by
// index", "[mjpeg @ 0x...] ..."), restating in their words failures the SDK reports in its own.
#pragma once

namespace cccd::face {

/** Silences OpenCV's log and FFmpeg's (through OpenCV), once per process, before either is used. Left alone
 *  with CCCD_LOG=debug, or when OPENCV_LOG_LEVEL / OPENCV_FFMPEG_LOGLEVEL is set: whoever debugs sees them. */
void quietThirdPartyLogs();

} // namespace cccd::face
