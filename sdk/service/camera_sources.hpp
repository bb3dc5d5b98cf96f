// What the page's "camera:N" means on this PC: the agent's --camera list (a V4L2 index, a video file, an image or
// a folder of images, so tests, demos and kiosks without a webcam work), else the V4L2 device N.
#pragma once

#include "service/http_error.hpp"

#include <string>
#include <vector>

namespace cccd::service {

/** The live source (as face::LiveSource takes it) for a page's "camera:N". Throws HttpError 400 for anything that
 *  is not camera:N. */
std::string cameraSource(const std::vector<std::string>& cameras, const std::string& cameraName);

/** Refuses, at start, a --camera that is neither a V4L2 index (or camera:N) nor an existing file or folder:
 *  Error(InvalidArgument) naming it. */
void checkCameraOptions(const std::vector<std::string>& cameras);

/** The 503 no_camera answer for a camera that could not be opened (why: the opener's message), with the fix. */
HttpError noCamera(const std::string& cameraName, const std::string& source, const std::string& why);

} // namespace cccd::service
