#include "core/file_io.hpp"

#include "cccd/error.hpp"

#include <fstream>
#include <iterator>

namespace cccd {

std::optional<Bytes> readFileIfPresent(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    return Bytes(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

Bytes readFileBytes(const std::string& path)
{
    std::optional<Bytes> bytes = readFileIfPresent(path);
    if (!bytes) throw Error(ErrorKind::NotFound, "cannot read " + path);
    return std::move(*bytes);
}

} // namespace cccd
