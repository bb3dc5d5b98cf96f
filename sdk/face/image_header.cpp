#include "face/image_header.hpp"

#include "lds/dg2.hpp"

#include <png.h>
#include <turbojpeg.h>

#include <algorithm>
#include <memory>

namespace cccd::face {

namespace {
std::uint32_t readBigEndian(ByteView b, std::size_t at, std::size_t width)
{
    std::uint32_t v = 0;
    for (std::size_t i = 0; i < width; ++i) v = (v << 8) | b[at + i];
    return v;
}

std::int32_t littleEndian32(ByteView b, std::size_t at)
{
    return static_cast<std::int32_t>(std::uint32_t(b[at]) | std::uint32_t(b[at + 1]) << 8 | std::uint32_t(b[at + 2]) << 16 | std::uint32_t(b[at + 3]) << 24);
}

[[noreturn]] void corrupt(const std::string& format, const char* what)
{
    throw Error(ErrorKind::MalformedData, "corrupt " + format + ": " + what);
}

ImageHeader jpegHeader(ByteView data)
{
    std::unique_ptr<void, int (*)(tjhandle)> tj(tjInitDecompress(), tjDestroy);
    int width = 0, height = 0, subsampling = 0, colorspace = 0;
    if (!tj || tjDecompressHeader3(tj.get(), data.data(), static_cast<unsigned long>(data.size()), &width, &height, &subsampling, &colorspace) != 0) {
        corrupt("JPEG", "its header does not decode");
    }
    return {"JPEG", width, height, 3};
}

// SIZ, right after SOC (ISO/IEC 15444-1 A.5.1): Xsiz Ysiz XOsiz YOsiz XTsiz YTsiz XTOsiz YTOsiz Csiz.
ImageHeader codestreamHeader(ByteView cs)
{
    if (cs.size() < 42 || readBigEndian(cs, 0, 2) != 0xFF4F || readBigEndian(cs, 2, 2) != 0xFF51) corrupt("JPEG 2000", "no SIZ marker after SOC");
    long long x = readBigEndian(cs, 8, 4), y = readBigEndian(cs, 12, 4), x0 = readBigEndian(cs, 16, 4), y0 = readBigEndian(cs, 20, 4);
    return {"JPEG 2000", std::max(0LL, x - x0), std::max(0LL, y - y0), static_cast<long long>(readBigEndian(cs, 40, 2))};
}

// JP2: boxes of LBox (4), TBox (4) [XLBox (8) when LBox is 1; to the end when 0]; the codestream is box 'jp2c'.
ImageHeader jp2Header(ByteView file)
{
    std::size_t at = 0;
    while (at + 8 <= file.size()) {
        std::uint64_t length = readBigEndian(file, at, 4);
        std::uint32_t type = readBigEndian(file, at + 4, 4);
        std::size_t header = 8;
        if (length == 1) {
            if (at + 16 > file.size()) break;
            length = (std::uint64_t(readBigEndian(file, at + 8, 4)) << 32) | readBigEndian(file, at + 12, 4);
            header = 16;
        } else if (length == 0) {
            length = file.size() - at;
        }
        if (length < header) break;
        // 'jp2c': a file cut short still has its header, and the decoder says what is missing.
        if (type == 0x6A703263) return codestreamHeader(file.sub(at + header, std::min<std::uint64_t>(length, file.size() - at) - header));
        if (length > file.size() - at) break;
        at += length;
    }
    corrupt("JPEG 2000", "no codestream box");
}

ImageHeader pngHeader(ByteView data)
{
    png_image image{};
    image.version = PNG_IMAGE_VERSION;
    if (!png_image_begin_read_from_memory(&image, data.data(), data.size())) corrupt("PNG", image.message);
    png_image_free(&image);
    return {"PNG", image.width, image.height, PNG_IMAGE_SAMPLE_CHANNELS(image.format)};
}

// BITMAPFILEHEADER (14 bytes), then a DIB header whose width and height are signed 32-bit (height < 0: top-down).
ImageHeader bmpHeader(ByteView data)
{
    if (data.size() < 26) corrupt("BMP", "its header is cut short");
    long long height = littleEndian32(data, 22);
    return {"BMP", littleEndian32(data, 18), height < 0 ? -height : height, 3};
}

bool startsWith(ByteView data, std::initializer_list<std::uint8_t> prefix)
{
    return data.size() >= prefix.size() && std::equal(prefix.begin(), prefix.end(), data.begin());
}
} // namespace

std::optional<ImageHeader> readImageHeader(ByteView encoded)
{
    switch (lds::detectImageFormat(encoded)) {
    case lds::ImageFormat::Jpeg: return jpegHeader(encoded);
    case lds::ImageFormat::Jpeg2000: return startsWith(encoded, {0xFF, 0x4F}) ? codestreamHeader(encoded) : jp2Header(encoded);
    case lds::ImageFormat::Unknown: break;
    }
    if (startsWith(encoded, {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'})) return pngHeader(encoded);
    if (startsWith(encoded, {'B', 'M'})) return bmpHeader(encoded);
    return std::nullopt;
}

void checkImageLimits(const ImageHeader& h, ErrorKind kind)
{
    std::string size = std::string(h.format) + " image of " + std::to_string(h.width) + "x" + std::to_string(h.height) + " pixels";
    if (h.width <= 0 || h.height <= 0) throw Error(kind, size + " refused: it is empty");
    if (h.width > maxSide || h.height > maxSide || h.width * h.height > maxPixels) {
        throw Error(kind, size + " refused: larger than " + std::to_string(maxSide) + " pixels a side or " + std::to_string(maxPixels / 1'000'000) +
                              " megapixels");
    }
    // A JPEG 2000 may declare up to 16384 components, each decoded at full size: a bomb however small the image.
    if (h.components < 1 || h.components > 4) throw Error(kind, size + " refused: " + std::to_string(h.components) + " colour components");
}

} // namespace cccd::face
