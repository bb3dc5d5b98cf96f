// Starts cccd-vcard on a PcscdInstance's vpcd port for one test and always stops it (by PID).
// Ready means pcscd shows the card present: a readiness wait, not a sleep.
#pragma once

#include "pcscd_instance.hpp"

#include <string>
#include <sys/types.h>
#include <vector>

namespace cccd::test {

class VcardInstance {
public:
    /** profile: a profile JSON path (default: the first sample profile). extraArgs: e.g. {"--fault", "no-extended"}. */
    VcardInstance(const PcscdInstance& pcscd, const std::string& profile = "", std::vector<std::string> extraArgs = {});
    /** Stops the card and waits until the reader shows it gone, so the next card starts clean. */
    ~VcardInstance();
    VcardInstance(const VcardInstance&) = delete;
    VcardInstance& operator=(const VcardInstance&) = delete;

    /** True while the process runs (a removal fault makes it exit). */
    bool running() const;
    /** Kills the card process at once (SIGKILL): its socket to vpcd closes mid-whatever, as a reader unplugged. */
    void kill();

private:
    const PcscdInstance& pcscd_;
    pid_t pid_ = -1;
};

/** A sample profile of drivers/vcard/profiles by file name. */
std::string sampleProfile(const std::string& fileName);

} // namespace cccd::test
