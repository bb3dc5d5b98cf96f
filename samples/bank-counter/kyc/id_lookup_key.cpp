#include "bank-counter/kyc/id_lookup_key.hpp"

#include "bank-counter/kyc/digest.hpp"
#include "common/small_file.hpp"

#include <cctype>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <stdexcept>
#include <sys/stat.h>
#include <unistd.h>

namespace cccd::samples::bank {
namespace {

constexpr std::size_t secretBytes = 32;

void writeNewSecret(const std::string& path)
{
    int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) throw std::runtime_error("cannot create the ID lookup secret " + path + ": " + std::strerror(errno));
    std::string text = randomHex(secretBytes) + "\n";
    bool written = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
    ::close(fd);
    if (!written) throw std::runtime_error("cannot write the ID lookup secret " + path);
}

} // namespace

IdLookupKey IdLookupKey::loadOrCreate(const std::string& path)
{
    struct stat info{};
    if (::stat(path.c_str(), &info) != 0) {
        if (errno != ENOENT) throw std::runtime_error("cannot open the ID lookup secret " + path + ": " + std::strerror(errno));
        writeNewSecret(path);
        ::stat(path.c_str(), &info);
    }
    if ((info.st_mode & 077) != 0) {
        throw std::runtime_error("the ID lookup secret " + path + " may be read by other users: chmod 600 " + path);
    }
    std::string secret = readSmallFile(path, 4096); // a FIFO or a device planted there must not hang or flood the server
    while (!secret.empty() && std::isspace(static_cast<unsigned char>(secret.back()))) secret.pop_back();
    if (secret.size() < 2 * secretBytes) {
        throw std::runtime_error("the ID lookup secret " + path + " is too short: it needs " + std::to_string(2 * secretBytes) +
                                 " hex digits (delete it only if no check was logged with it)");
    }
    return IdLookupKey(secret);
}

IdLookupKey::IdLookupKey(std::string secret) : secret_(std::move(secret)) {}

std::string IdLookupKey::hashOf(const std::string& idNumber) const
{
    return hmacSha256Hex(secret_, "cccd-id:" + idNumber);
}

} // namespace cccd::samples::bank
