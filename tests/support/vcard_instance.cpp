#include "vcard_instance.hpp"

#include "child_process.hpp"
#include "support_failure.hpp"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <thread>

namespace cccd::test {

std::string sampleProfile(const std::string& fileName) { return std::string(CCCD_SOURCE_DIR) + "/drivers/vcard/profiles/" + fileName; }

VcardInstance::VcardInstance(const PcscdInstance& pcscd, const std::string& profile, std::vector<std::string> extraArgs)
    : pcscd_(pcscd)
{
    std::vector<std::string> args{programPath("cccd-vcard"), "--port", std::to_string(pcscd.vpcdPort()), "--profile",
                                  profile.empty() ? sampleProfile("nguyen-van-an.json") : profile};
    args.insert(args.end(), extraArgs.begin(), extraArgs.end());
    pid_ = startProcess(std::move(args));
    if (pid_ < 0) supportFailure("fork failed");
    if (!pcscd.waitForCard("Virtual PCD 00 00", true, std::chrono::seconds(20))) {
        stopProcess(pid_);
        supportFailure("the virtual card did not appear in the reader within 20 s");
    }
}

bool VcardInstance::running() const
{
    int status = 0;
    return pid_ > 0 && ::waitpid(pid_, &status, WNOHANG) == 0;
}

void VcardInstance::kill()
{
    if (pid_ <= 0) return;
    ::kill(pid_, SIGKILL);
    ::waitpid(pid_, nullptr, 0);
    pid_ = -1;
}

VcardInstance::~VcardInstance()
{
    stopProcess(pid_);
    pcscd_.waitForCard("Virtual PCD 00 00", false, std::chrono::seconds(5));
}

} // namespace cccd::test
