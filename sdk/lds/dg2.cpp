#include "lds/dg2.hpp"

#include "cccd/error.hpp"
#include "core/tlv.hpp"

#include <algorithm>

namespace cccd::lds {

namespace {
const std::string context = "DG2";
constexpr std::size_t iso19794HeaderSize = 14;   // "FAC\0", version, record length (4), number of faces (2)
constexpr std::size_t facialHeaderSize = 20;     // block length (4), feature points (2), gender ... pose uncertainty
constexpr std::size_t featurePointSize = 8;
constexpr std::size_t imageInfoSize = 12;        // image type, data type, width, height, colour space, ...

std::uint32_t be(ByteView b, std::size_t at, std::size_t n)
{
    std::uint32_t v = 0;
    for (std::size_t i = 0; i < n; ++i) v = (v << 8) | b[at + i];
    return v;
}

// ISO/IEC 19794-5:2005 record: header, facial record header, feature points, image information, image data.
FaceImage parseIso19794(ByteView record, std::size_t baseOffset)
{
    if (record.size() < iso19794HeaderSize + facialHeaderSize + imageInfoSize) {
        throw ParseError(context, baseOffset, "face record too short");
    }
    std::size_t p = iso19794HeaderSize;
    std::uint32_t blockLength = be(record, p, 4);
    std::uint16_t featurePoints = static_cast<std::uint16_t>(be(record, p + 4, 2));
    if (blockLength > record.size() - p) throw ParseError(context, baseOffset + p, "facial record block longer than the record");
    std::size_t imageInfo = p + facialHeaderSize + featurePoints * featurePointSize;
    if (imageInfo + imageInfoSize > p + blockLength) throw ParseError(context, baseOffset + p, "feature points run past the block");
    FaceImage face;
    std::uint8_t dataType = record[imageInfo + 1];
    face.width = static_cast<int>(be(record, imageInfo + 2, 2));
    face.height = static_cast<int>(be(record, imageInfo + 4, 2));
    std::size_t imageStart = imageInfo + imageInfoSize;
    face.image = record.sub(imageStart, p + blockLength - imageStart).toBytes();
    face.format = detectImageFormat(face.image);
    if (face.format == ImageFormat::Unknown) face.format = dataType == 0 ? ImageFormat::Jpeg : dataType == 1 ? ImageFormat::Jpeg2000 : ImageFormat::Unknown;
    return face;
}

// Other encodings (e.g. ISO/IEC 39794-5): take the image from its magic number onwards.
FaceImage findEmbeddedImage(ByteView block, std::size_t baseOffset)
{
    static const Bytes magics[] = {fromHex("FFD8FF"), fromHex("0000000C6A502020"), fromHex("FF4FFF51")};
    for (const Bytes& magic : magics) {
        auto it = std::search(block.begin(), block.end(), magic.begin(), magic.end());
        if (it != block.end()) {
            FaceImage face;
            face.image = Bytes(it, block.end());
            face.format = detectImageFormat(face.image);
            return face;
        }
    }
    throw ParseError(context, baseOffset, "no JPEG or JPEG 2000 image in the biometric data block");
}
} // namespace

ImageFormat detectImageFormat(ByteView image)
{
    auto startsWith = [&image](const char* hex) {
        Bytes m = fromHex(hex);
        return image.size() >= m.size() && std::equal(m.begin(), m.end(), image.begin());
    };
    if (startsWith("FFD8FF")) return ImageFormat::Jpeg;
    if (startsWith("0000000C6A502020") || startsWith("FF4FFF51")) return ImageFormat::Jpeg2000;
    return ImageFormat::Unknown;
}

const char* formatName(ImageFormat format)
{
    switch (format) {
    case ImageFormat::Jpeg: return "JPEG";
    case ImageFormat::Jpeg2000: return "JPEG2000";
    case ImageFormat::Unknown: break;
    }
    return "unknown";
}

FaceImage parseDg2(ByteView file)
{
    TlvReader top(file, context);
    Tlv dg2 = top.expect(0x75);
    TlvReader groups = top.children(dg2);
    Tlv group = groups.expect(0x7F61);
    TlvReader instances = groups.children(group);
    instances.expect(0x02); // number of instances
    Tlv bit = instances.expect(0x7F60);
    TlvReader parts = instances.children(bit);
    while (!parts.atEnd()) {
        Tlv t = parts.next();
        if (t.tag == 0x5F2E || t.tag == 0x7F2E) {
            if (t.value.size() >= 4 && t.value[0] == 'F' && t.value[1] == 'A' && t.value[2] == 'C' && t.value[3] == 0) {
                FaceImage face = parseIso19794(t.value, t.valueOffset);
                if (face.format == ImageFormat::Unknown) throw ParseError(context, t.valueOffset, "the face image is neither JPEG nor JPEG 2000");
                return face;
            }
            return findEmbeddedImage(t.value, t.valueOffset);
        }
    }
    throw ParseError(context, bit.offset, "no biometric data block (5F2E / 7F2E)");
}

} // namespace cccd::lds
