#include "service/token_file.hpp"

#include "cccd/error.hpp"
#include "core/bytes.hpp"
#include "core/file_io.hpp"
#include "core/secure.hpp"
#include "crypto/crypto.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <optional>

namespace cccd::service {

namespace {
// A token is one line of 64 hex digits; a larger "token file" is something else, never read whole.
constexpr std::size_t maxTokenFileBytes = 4096;

// The first line of the file, or nothing when there is no file. A file others may read, a link, a FIFO or a device
// is refused: the token lets any local program read cards.
std::optional<std::string> existingToken(const std::string& path)
{
    std::optional<Bytes> bytes;
    try {
        bytes = readPrivateFileIfPresent(path, maxTokenFileBytes);
    } catch (const Error& e) {
        throw Error(ErrorKind::InvalidArgument, std::string("agent token file: ") + e.what());
    }
    if (!bytes) return std::nullopt;
    std::string token(bytes->begin(), std::find(bytes->begin(), bytes->end(), '\n'));
    wipe(*bytes);
    return token;
}
} // namespace

std::string loadOrCreateToken(const std::string& path)
{
    std::optional<std::string> existing = existingToken(path);
    if (existing && existing->size() >= 32) return *existing;
    std::error_code ec;
    std::filesystem::path folder = std::filesystem::path(path).parent_path();
    if (!folder.empty() && !std::filesystem::exists(folder, ec)) {
        std::filesystem::create_directories(folder, ec);
        std::filesystem::permissions(folder, std::filesystem::perms::owner_all, std::filesystem::perm_options::replace, ec);
    }
    std::string token = toHex(crypto::systemRandom().bytes(32));
    // A new file is made 0600 and never through a link; a short one (checked above: ours, private) is replaced.
    int flags = O_WRONLY | O_CLOEXEC | O_NOFOLLOW | (existing ? O_TRUNC : O_CREAT | O_EXCL);
    int fd = ::open(path.c_str(), flags, 0600);
    std::string line = token + "\n";
    bool ok = fd >= 0 && ::write(fd, line.data(), line.size()) == static_cast<ssize_t>(line.size());
    std::string reason = fd < 0 ? std::string(": ") + std::strerror(errno) : "";
    if (fd >= 0) ::close(fd);
    if (!ok) throw Error(ErrorKind::InvalidArgument, "cannot write the agent token file " + path + reason);
    return token;
}

bool sameToken(std::string_view given, std::string_view expected) noexcept
{
    return constantTimeEqual(ByteView(reinterpret_cast<const std::uint8_t*>(given.data()), given.size()),
                             ByteView(reinterpret_cast<const std::uint8_t*>(expected.data()), expected.size()));
}

} // namespace cccd::service
