#include "pcscd_instance.hpp"

#include "child_process.hpp"
#include "support_failure.hpp"

#include "cccd/readers.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sched.h>
#include <signal.h>
#include <sys/mount.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <thread>

namespace cccd::test {

namespace {
constexpr const char* vpcdDriver = "/usr/lib/pcsc/drivers/serial/libifdvpcd.so";

bool portFree(int port)
{
    int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_ANY); // vpcd listens on all addresses
    addr.sin_port = htons(static_cast<uint16_t>(port));
    bool ok = ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
    ::close(fd);
    return ok;
}

// vpcd opens two readers, on the port and the next one.
int choosePorts()
{
    for (int attempt = 0; attempt < 200; ++attempt) {
        int port = 36000 + static_cast<int>((::getpid() * 7919 + attempt * 104729) % 14000) * 2; // 36000..63998
        if (portFree(port) && portFree(port + 1)) return port;
    }
    supportFailure("no free pair of TCP ports for vpcd");
}

// In the child: a private /run/pcscd (mount namespace) so the socket lands in our folder, then exec pcscd.
[[noreturn]] void execPcscd(const std::string& dir)
{
    std::string log = dir + "/pcscd.log";
    int fd = ::open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd >= 0) {
        ::dup2(fd, 1);
        ::dup2(fd, 2);
        ::close(fd);
    }
    ::mkdir("/run/pcscd", 0755);
    if (::unshare(CLONE_NEWNS) != 0 || ::mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0 ||
        ::mount((dir + "/run").c_str(), "/run/pcscd", nullptr, MS_BIND, nullptr) != 0) {
        std::perror("private /run/pcscd (needs root)");
        ::_exit(126);
    }
    std::string conf = dir + "/reader.conf.d";
    ::execlp("pcscd", "pcscd", "--foreground", "--config", conf.c_str(), static_cast<char*>(nullptr));
    std::perror("exec pcscd");
    ::_exit(127);
}
} // namespace

std::string programPath(const std::string& name) { return std::string(CCCD_BINARY_DIR) + "/bin/" + name; }

PcscdInstance::PcscdInstance()
{
    if (::access(vpcdDriver, R_OK) != 0) skipOrFail(std::string("vpcd driver missing: ") + vpcdDriver + " (Debian vsmartcard-vpcd)");
    if (std::system("command -v pcscd >/dev/null 2>&1") != 0) skipOrFail("pcscd missing (Debian pcscd)");

    char tmpl[] = "/tmp/cccd-pcscd-XXXXXX";
    if (!::mkdtemp(tmpl)) supportFailure("mkdtemp failed");
    dir_ = tmpl;
    std::filesystem::create_directories(dir_ + "/run");
    std::filesystem::create_directories(dir_ + "/reader.conf.d");
    port_ = choosePorts();
    char channel[16];
    std::snprintf(channel, sizeof channel, "0x%04X", port_);
    std::ofstream(dir_ + "/reader.conf.d/vpcd") << "FRIENDLYNAME \"Virtual PCD\"\nDEVICENAME /dev/null:" << channel
                                                  << "\nLIBPATH " << vpcdDriver << "\nCHANNELID " << channel << "\n";
    socket_ = dir_ + "/run/pcscd.comm";
    ::setenv("PCSCLITE_CSOCK_NAME", socket_.c_str(), 1);
    start();
}

void PcscdInstance::crash()
{
    if (pid_ <= 0) return;
    ::kill(pid_, SIGKILL);
    ::waitpid(pid_, nullptr, 0);
    pid_ = -1;
}

void PcscdInstance::start()
{
    std::error_code ignored;
    for (const auto& stale : std::filesystem::directory_iterator(dir_ + "/run", ignored)) std::filesystem::remove(stale.path(), ignored); // a crash leaves its socket
    pid_ = ::fork();
    if (pid_ == 0) execPcscd(dir_);
    if (pid_ < 0) supportFailure("fork failed");

    // Ready when the socket answers and the virtual reader is listed.
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(15);
    while (std::chrono::steady_clock::now() < deadline) {
        int status = 0;
        if (::waitpid(pid_, &status, WNOHANG) == pid_) {
            pid_ = -1;
            std::ifstream in(dir_ + "/pcscd.log");
            std::string log((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
            supportFailure("pcscd exited during start-up: " + log);
        }
        struct stat st {};
        if (::stat(socket_.c_str(), &st) == 0) {
            try {
                for (const ReaderInfo& r : listReaders()) {
                    if (r.name.find("Virtual PCD") != std::string::npos) return;
                }
            } catch (const std::exception&) {
                // not ready yet
            }
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    stopProcess(pid_);
    supportFailure("pcscd did not list the virtual reader within 15 s");
}

PcscdInstance::~PcscdInstance()
{
    stopProcess(pid_);
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
}

int PcscdInstance::run(const std::string& command, std::string* output) const
{
    // stderr joins stdout for the whole command, while the command's own redirections (2>/dev/null) still apply.
    std::string full = "export PCSCLITE_CSOCK_NAME='" + socket_ + "'; { " + command + "\n} 2>&1";
    FILE* pipe = ::popen(full.c_str(), "r");
    if (!pipe) supportFailure("popen failed");
    std::string out;
    std::array<char, 4096> buffer{};
    std::size_t n;
    while ((n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0) out.append(buffer.data(), n);
    int status = ::pclose(pipe);
    if (output) *output = out;
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

bool PcscdInstance::waitForCard(const std::string& nameContains, bool present, std::chrono::milliseconds timeout) const
{
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    do {
        for (const ReaderInfo& r : listReaders()) {
            if (r.name.find(nameContains) != std::string::npos && r.cardPresent == present) return true;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    } while (std::chrono::steady_clock::now() < deadline);
    return false;
}

} // namespace cccd::test
