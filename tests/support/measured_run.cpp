#include "measured_run.hpp"

#include "child_process.hpp"

#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <sstream>
#include <thread>

namespace cccd::test {

namespace {
std::string slurp(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::string captureFile(const char* stream)
{
    return "/tmp/cccd-run-" + std::to_string(::getpid()) + "-" + stream;
}
} // namespace

MeasuredRun runMeasured(const std::vector<std::string>& args, const std::vector<std::string>& extraEnv, std::chrono::milliseconds deadline)
{
    const std::string outPath = captureFile("out"), errPath = captureFile("err");
    const auto start = std::chrono::steady_clock::now();
    pid_t pid = startProcess(args, extraEnv, outPath, errPath);
    MeasuredRun run;
    int status = 0;
    struct rusage usage {};
    while (::wait4(pid, &status, WNOHANG, &usage) == 0) {
        if (std::chrono::steady_clock::now() - start > deadline) {
            ::kill(pid, SIGKILL);
            ::wait4(pid, &status, 0, &usage);
            run.timedOut = true;
            break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    run.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    run.peakRssMb = static_cast<double>(usage.ru_maxrss) / 1024.0; // Linux reports kilobytes
    if (!run.timedOut && WIFEXITED(status)) run.exitCode = WEXITSTATUS(status);
    run.out = slurp(outPath);
    run.err = slurp(errPath);
    ::unlink(outPath.c_str());
    ::unlink(errPath.c_str());
    return run;
}

} // namespace cccd::test
