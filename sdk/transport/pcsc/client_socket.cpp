#include "transport/pcsc/client_socket.hpp"

#include <dirent.h>
#include <sys/socket.h>
#include <sys/stat.h>

#include <cstdlib>
#include <map>
#include <mutex>

namespace cccd::pcsc {

namespace {
// The SDK's own contexts are made one at a time, so a new socket seen across one is that context's.
std::mutex establishing;

// fd -> inode of every UNIX stream socket of this process (the inode tells a reused fd number apart).
std::map<int, ino_t> unixStreamSockets()
{
    std::map<int, ino_t> found;
    DIR* dir = ::opendir("/proc/self/fd");
    if (!dir) return found;
    while (const dirent* entry = ::readdir(dir)) {
        char* end = nullptr;
        long fd = std::strtol(entry->d_name, &end, 10);
        if (end == entry->d_name || *end != '\0' || fd == ::dirfd(dir)) continue;
        struct stat st {};
        int domain = 0, type = 0;
        socklen_t size = sizeof domain;
        if (::fstat(static_cast<int>(fd), &st) != 0 || !S_ISSOCK(st.st_mode)) continue;
        if (::getsockopt(static_cast<int>(fd), SOL_SOCKET, SO_DOMAIN, &domain, &size) != 0 || domain != AF_UNIX) continue;
        size = sizeof type;
        if (::getsockopt(static_cast<int>(fd), SOL_SOCKET, SO_TYPE, &type, &size) != 0 || type != SOCK_STREAM) continue;
        found[static_cast<int>(fd)] = st.st_ino;
    }
    ::closedir(dir);
    return found;
}
} // namespace

int socketOpenedBy(const std::function<void()>& establish)
{
    std::lock_guard<std::mutex> lock(establishing);
    std::map<int, ino_t> before = unixStreamSockets();
    establish();
    int opened = -1;
    for (const auto& [fd, inode] : unixStreamSockets()) {
        auto old = before.find(fd);
        if (old != before.end() && old->second == inode) continue;
        if (opened != -1) return -1; // two new sockets: not sure which is ours
        opened = fd;
    }
    return opened;
}

} // namespace cccd::pcsc
