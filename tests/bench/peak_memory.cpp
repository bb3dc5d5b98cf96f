#include "peak_memory.hpp"

#include "card_profiles.hpp"
#include "child_process.hpp"
#include "cccd/card_reader.hpp"
#include "cccd/face.hpp"
#include "core/file_io.hpp"

#include <sys/resource.h>
#include <sys/wait.h>

#include <iostream>

namespace cccd::bench {

std::optional<double> peakRssOfReadWithFaceMatch(const std::string& can, const std::string& modelFolder, const std::string& liveFrame)
{
    pid_t pid = test::startProcess({"/proc/self/exe", "--rss-probe", "--can", can, "--models", modelFolder, "--live", liveFrame});
    if (pid < 0) return std::nullopt;
    int status = 0;
    rusage usage{};
    if (::wait4(pid, &status, 0, &usage) != pid || !WIFEXITED(status) || WEXITSTATUS(status) != 0) return std::nullopt;
    return static_cast<double>(usage.ru_maxrss) / 1024.0; // KiB → MiB
}

int runRssProbe(const std::string& can, const std::string& modelFolder, const std::string& liveFrame)
{
    try {
        FaceMatcher matcher(modelFolder);
        ReadOptions options;
        options.trustPaths = {vcardDirectory() + "/pki/csca.pem"};
        options.useDefaultTrust = false;
        ReadResult r = readCard(AccessKey::fromCan(can), options);
        if (!r.face || r.verification.overall != Verdict::Valid) return 1;
        matcher.compare(r.face->data, readFileBytes(liveFrame), true);
        return 0;
    } catch (const std::exception& e) {
        std::cerr << "rss probe: " << e.what() << '\n';
        return 1;
    }
}

} // namespace cccd::bench
