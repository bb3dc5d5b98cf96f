#include "service/camera_sources.hpp"

#include "cccd/error.hpp"

#include <algorithm>
#include <filesystem>

namespace cccd::service {

namespace {
const std::string cameraPrefix = "camera:";

bool isIndex(const std::string& s)
{
    return !s.empty() && s.size() < 4 && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// "2" and "camera:2" are the V4L2 device 2; anything else is a path.
std::string asLiveSource(const std::string& camera) { return isIndex(camera) ? cameraPrefix + camera : camera; }
} // namespace

std::string cameraSource(const std::vector<std::string>& cameras, const std::string& cameraName)
{
    std::string index = cameraName.rfind(cameraPrefix, 0) == 0 ? cameraName.substr(cameraPrefix.size()) : "";
    if (!isIndex(index)) throw HttpError{400, "invalid_argument", "source must be camera:N (N = 0, 1, ...), not '" + cameraName + "'"};
    std::size_t n = std::stoul(index);
    return n < cameras.size() ? asLiveSource(cameras[n]) : cameraName;
}

void checkCameraOptions(const std::vector<std::string>& cameras)
{
    for (const std::string& camera : cameras) {
        std::string source = asLiveSource(camera);
        if (source.rfind(cameraPrefix, 0) == 0 && isIndex(source.substr(cameraPrefix.size()))) continue; // plugged in later, maybe
        if (!std::filesystem::exists(source)) {
            throw Error(ErrorKind::InvalidArgument, "--camera " + camera + ": no such file or folder (a V4L2 index, a video file, an image or a folder of images)");
        }
    }
}

HttpError noCamera(const std::string& cameraName, const std::string& source, const std::string& why)
{
    if (source == cameraName) { // no --camera for it: the V4L2 device
        return {503, "no_camera", why + ": plug a camera in (or close the program using it), or start cccd-agent with --camera VIDEO|FOLDER|INDEX"};
    }
    return {503, "no_camera", cameraName + " (--camera " + source + "): " + why + "; fix the agent's --camera option"};
}

} // namespace cccd::service
