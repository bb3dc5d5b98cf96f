#include "face/exif_orientation.hpp"

#include "core/secure.hpp"

#include <algorithm>
#include <stdexcept>

namespace cccd::face {

namespace {
constexpr std::uint16_t orientationTag = 0x0112;
constexpr std::uint16_t shortType = 3;

// The TIFF structure inside the Exif segment: byte order, then the first directory of 12-byte entries.
int tiffOrientation(ByteView tiff)
{
    bool little = tiff[0] == 'I' && tiff[1] == 'I';
    auto u16 = [&](std::size_t at) { return static_cast<unsigned>(little ? tiff[at] | tiff[at + 1] << 8 : tiff[at] << 8 | tiff[at + 1]); };
    auto u32 = [&](std::size_t at) { return little ? u16(at) | std::size_t{u16(at + 2)} << 16 : std::size_t{u16(at)} << 16 | u16(at + 2); };
    if (u16(2) != 42) return 1;
    std::size_t directory = u32(4);
    unsigned entries = u16(directory);
    for (unsigned i = 0; i < entries; ++i) {
        std::size_t entry = directory + 2 + 12 * std::size_t{i};
        if (u16(entry) == orientationTag && u16(entry + 2) == shortType) {
            unsigned value = u16(entry + 8);
            return value >= 1 && value <= 8 ? static_cast<int>(value) : 1;
        }
    }
    return 1;
}
} // namespace

int exifOrientation(ByteView jpeg)
{
    static const std::uint8_t exifHeader[] = {'E', 'x', 'i', 'f', 0, 0};
    try {
        // Segments after SOI, each FF xx and a 2-byte length, up to the image data (SOS) or its end (EOI).
        for (std::size_t at = 2; jpeg[at] == 0xFF && jpeg[at + 1] != 0xDA && jpeg[at + 1] != 0xD9;) {
            std::size_t length = std::size_t{jpeg[at + 2]} << 8 | jpeg[at + 3];
            if (length < 2) return 1;
            ByteView segment = jpeg.sub(at + 4, length - 2);
            bool exif = segment.size() > sizeof exifHeader && std::equal(std::begin(exifHeader), std::end(exifHeader), segment.begin());
            if (jpeg[at + 1] == 0xE1 && exif) return tiffOrientation(segment.sub(sizeof exifHeader));
            at += 2 + length;
        }
    } catch (const std::out_of_range&) { // a cut or corrupt header: no orientation to follow
    }
    return 1;
}

void applyOrientation(cv::Mat& image, int orientation)
{
    if (orientation < 2 || orientation > 8) return;
    if (orientation <= 4) { // mirrored or upside down: the same shape
        cv::flip(image, image, orientation == 2 ? 1 : orientation == 3 ? -1 : 0);
        return;
    }
    cv::Mat turned;
    cv::transpose(image, turned);
    if (orientation > 5) cv::flip(turned, turned, orientation == 6 ? 1 : orientation == 7 ? -1 : 0);
    secureZero(image.data, image.total() * image.elemSize()); // a face: wiped before the buffer is freed
    image = turned;
}

} // namespace cccd::face
