#include "service/token_file.hpp"

#include "cccd/error.hpp"
#include "core/bytes.hpp"
#include "crypto/crypto.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace cccd::service {

std::string loadOrCreateToken(const std::string& path)
{
    std::ifstream in(path);
    std::string token;
    if (in && std::getline(in, token) && token.size() >= 32) return token;
    std::error_code ec;
    std::filesystem::path folder = std::filesystem::path(path).parent_path();
    if (!folder.empty() && !std::filesystem::exists(folder, ec)) {
        std::filesystem::create_directories(folder, ec);
        std::filesystem::permissions(folder, std::filesystem::perms::owner_all, std::filesystem::perm_options::replace, ec);
    }
    token = toHex(crypto::systemRandom().bytes(32));
    int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    std::string line = token + "\n";
    bool ok = fd >= 0 && ::write(fd, line.data(), line.size()) == static_cast<ssize_t>(line.size());
    if (fd >= 0) ::close(fd);
    if (!ok) throw Error(ErrorKind::InvalidArgument, "cannot write the agent token file " + path);
    return token;
}

bool sameToken(std::string_view given, std::string_view expected) noexcept
{
    return constantTimeEqual(ByteView(reinterpret_cast<const std::uint8_t*>(given.data()), given.size()),
                             ByteView(reinterpret_cast<const std::uint8_t*>(expected.data()), expected.size()));
}

} // namespace cccd::service
