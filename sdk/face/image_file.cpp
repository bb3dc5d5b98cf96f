#include "face/image_file.hpp"

#include "cccd/error.hpp"
#include "core/file_io.hpp"
#include "core/secure.hpp"
#include "face/image_header.hpp"

namespace cccd::face {

Bytes readImageFile(const std::string& path)
{
    Bytes bytes = readFileBytes(path, maxImageFileBytes);
    try {
        std::optional<ImageHeader> header = readImageHeader(bytes);
        if (!header) throw Error(ErrorKind::InvalidArgument, "not an image this SDK can decode (JPEG, JPEG 2000, PNG, BMP)");
        checkImageLimits(*header, ErrorKind::InvalidArgument);
    } catch (const Error& e) {
        secureZero(bytes.data(), bytes.size()); // it may be a face
        throw Error(e.kind() == ErrorKind::MalformedData ? ErrorKind::InvalidArgument : e.kind(), path + ": " + e.what());
    }
    return bytes;
}

} // namespace cccd::face
