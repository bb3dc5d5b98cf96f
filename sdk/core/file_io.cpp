#include "core/file_io.hpp"

#include "cccd/error.hpp"
#include "core/secure.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace cccd {

namespace {
struct Descriptor {
    int fd;
    ~Descriptor()
    {
        if (fd >= 0) ::close(fd);
    }
};

std::string sizeText(std::size_t bytes) { return bytes >= (1u << 20) ? std::to_string(bytes >> 20) + " MiB" : std::to_string(bytes) + " bytes"; }
} // namespace

std::string fileTypeName(unsigned mode)
{
    switch (mode & S_IFMT) {
    case S_IFREG: return "a file";
    case S_IFDIR: return "a folder";
    case S_IFIFO: return "a FIFO";
    case S_IFCHR:
    case S_IFBLK: return "a device";
    case S_IFSOCK: return "a socket";
    }
    return "not a regular file";
}

namespace {
std::optional<Bytes> readRegularFile(const std::string& path, std::size_t maxBytes, bool ownerOnly)
{
    // O_NONBLOCK: opening a FIFO must not wait for a writer; the type is then checked on the opened file itself,
    // so nothing can be swapped in between the check and the read.
    Descriptor file{::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY | (ownerOnly ? O_NOFOLLOW : 0))};
    if (file.fd < 0 && errno == ENOENT) return std::nullopt;
    if (file.fd < 0 && errno == ELOOP && ownerOnly) throw Error(ErrorKind::InvalidArgument, path + " is a symbolic link, not a regular file");
    if (file.fd < 0) throw Error(ErrorKind::NotFound, "cannot read " + path + ": " + std::strerror(errno));
    struct stat st {};
    if (::fstat(file.fd, &st) != 0) throw Error(ErrorKind::NotFound, "cannot read " + path + ": " + std::strerror(errno));
    if (!S_ISREG(st.st_mode)) throw Error(ErrorKind::InvalidArgument, path + " is " + fileTypeName(st.st_mode) + ", not a regular file");
    if (ownerOnly && (st.st_mode & 077) != 0) {
        throw Error(ErrorKind::InvalidArgument, path + " may be read by other users: chmod 600 " + path);
    }
    auto tooLarge = [&] {
        return Error(ErrorKind::InvalidArgument, path + " is larger than the " + sizeText(maxBytes) + " allowed for it");
    };
    if (static_cast<unsigned long long>(st.st_size) > maxBytes) throw tooLarge();
    Bytes out(static_cast<std::size_t>(st.st_size));
    std::size_t done = 0;
    for (;;) {
        if (done == out.size()) { // at the size stat gave: read on to be sure of the end (a file may grow, /proc says 0)
            if (out.size() > maxBytes) {
                wipe(out);
                throw tooLarge();
            }
            // Grown by hand: a face or a key file must not be left behind in a block vector::resize would free.
            Bytes larger(std::min(out.size() + 65536, maxBytes + 1));
            std::copy(out.begin(), out.end(), larger.begin());
            wipe(out);
            out.swap(larger);
        }
        ssize_t n = ::read(file.fd, out.data() + done, out.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) throw Error(ErrorKind::NotFound, "cannot read " + path + ": " + std::strerror(errno));
        if (n == 0) break;
        done += static_cast<std::size_t>(n);
    }
    out.resize(done);
    return out;
}
} // namespace

std::optional<Bytes> readFileIfPresent(const std::string& path, std::size_t maxBytes) { return readRegularFile(path, maxBytes, false); }

std::optional<Bytes> readPrivateFileIfPresent(const std::string& path, std::size_t maxBytes) { return readRegularFile(path, maxBytes, true); }

Bytes readFileBytes(const std::string& path, std::size_t maxBytes)
{
    std::optional<Bytes> bytes = readFileIfPresent(path, maxBytes);
    if (!bytes) throw Error(ErrorKind::NotFound, "cannot read " + path + ": no such file");
    return std::move(*bytes);
}

} // namespace cccd
