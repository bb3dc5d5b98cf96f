// PNG with libpng's simplified API. OpenCV's PNG reader lets libpng print its warnings to stderr ("libpng
// warning: iCCP: known incorrect sRGB profile"); the simplified API hands them back, and they go to our log.
#include "cccd/error.hpp"
#include "core/log.hpp"
#include "face/decoders.hpp"

#include <png.h>

#include <memory>

namespace cccd::face {

cv::Mat decodePng(ByteView data)
{
    png_image image{};
    image.version = PNG_IMAGE_VERSION;
    if (!png_image_begin_read_from_memory(&image, data.data(), data.size())) {
        throw Error(ErrorKind::MalformedData, std::string("corrupt PNG: ") + image.message);
    }
    std::unique_ptr<png_image, void (*)(png_imagep)> release(&image, png_image_free); // on a throw; a no-op once read
    checkSize(static_cast<int>(image.width), static_cast<int>(image.height), "PNG");
    image.format = PNG_FORMAT_BGR;
    cv::Mat out(static_cast<int>(image.height), static_cast<int>(image.width), CV_8UC3);
    const png_color white{255, 255, 255}; // behind transparent pixels: the usual background of an ID photo
    if (!png_image_finish_read(&image, &white, out.data, static_cast<png_int_32>(out.step), nullptr)) {
        throw Error(ErrorKind::MalformedData, std::string("corrupt PNG: ") + image.message);
    }
    if (image.warning_or_error & PNG_IMAGE_WARNING) log::debug(std::string("libpng: ") + image.message);
    return out;
}

} // namespace cccd::face
