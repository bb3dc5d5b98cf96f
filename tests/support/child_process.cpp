#include "child_process.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <thread>

extern char** environ;

namespace cccd::test {

namespace {
std::string nameOf(const std::string& assignment) { return assignment.substr(0, assignment.find('=')); }

// Built before fork: the child may only make async-signal-safe calls (other threads may hold the allocator's lock).
std::vector<std::string> environmentWith(const std::vector<std::string>& extraEnv)
{
    std::vector<std::string> out;
    for (char** e = environ; *e; ++e) {
        bool replaced = false;
        for (const std::string& extra : extraEnv) replaced = replaced || nameOf(*e) == nameOf(extra);
        if (!replaced) out.emplace_back(*e);
    }
    out.insert(out.end(), extraEnv.begin(), extraEnv.end());
    return out;
}

std::vector<char*> pointersTo(const std::vector<std::string>& strings)
{
    std::vector<char*> out;
    for (const std::string& s : strings) out.push_back(const_cast<char*>(s.c_str()));
    out.push_back(nullptr);
    return out;
}

// In the child: fd becomes the file at path (or /dev/null for reading), or the child gives up.
void redirect(int fd, const char* path, int flags)
{
    int opened = ::open(path, flags, 0600);
    if (opened < 0 || ::dup2(opened, fd) < 0) ::_exit(126);
    ::close(opened);
}
} // namespace

void stopProcess(pid_t pid, std::chrono::milliseconds grace)
{
    if (pid <= 0) return;
    ::kill(pid, SIGTERM);
    const auto deadline = std::chrono::steady_clock::now() + grace;
    int status = 0;
    while (::waitpid(pid, &status, WNOHANG) == 0) {
        if (std::chrono::steady_clock::now() > deadline) {
            ::kill(pid, SIGKILL);
            ::waitpid(pid, &status, 0);
            return;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
}

pid_t startProcess(const std::vector<std::string>& args, const std::vector<std::string>& extraEnv, const std::string& outPath,
                   const std::string& errPath)
{
    const std::vector<std::string> environment = environmentWith(extraEnv);
    std::vector<char*> argv = pointersTo(args), envp = pointersTo(environment);
    pid_t pid = ::fork();
    if (pid == 0) {
        redirect(0, "/dev/null", O_RDONLY);
        if (!outPath.empty()) redirect(1, outPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC);
        if (!errPath.empty() && errPath == outPath) ::dup2(1, 2);
        else if (!errPath.empty()) redirect(2, errPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC);
        ::execve(argv[0], argv.data(), envp.data());
        ::_exit(127);
    }
    return pid;
}

} // namespace cccd::test
