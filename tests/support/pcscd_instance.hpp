// Starts a private pcscd with the vsmartcard vpcd reader driver for one test and always stops it.
// Each instance gets its own socket (pcscd runs in its own mount namespace with a private /run/pcscd)
// and its own vpcd port, so tests can run in parallel. The test process talks to it through
// PCSCLITE_CSOCK_NAME, which this class sets: create it before any PC/SC call in the process.
#pragma once

#include <chrono>
#include <string>
#include <sys/types.h>

namespace cccd::test {

class PcscdInstance {
public:
    /** Starts pcscd and waits until the virtual reader is listed. Skips the test when pcscd or the vpcd
     *  driver is not installed (fails with CCCD_REQUIRE_DATA=1). */
    PcscdInstance();
    /** Stops pcscd by its PID (SIGTERM, then SIGKILL) and removes its files. */
    ~PcscdInstance();
    PcscdInstance(const PcscdInstance&) = delete;
    PcscdInstance& operator=(const PcscdInstance&) = delete;

    /** TCP port on 127.0.0.1 where the first virtual reader waits for a card (cccd-vcard --port). */
    int vpcdPort() const noexcept { return port_; }
    /** The private pcscd socket. */
    const std::string& socketPath() const noexcept { return socket_; }
    /** A folder for the test's own files, removed with the instance. */
    const std::string& workDir() const noexcept { return dir_; }

    /** Runs a shell command with PCSCLITE_CSOCK_NAME set; returns its exit code, output in *output. */
    int run(const std::string& command, std::string* output = nullptr) const;

    /** Waits until a reader whose name contains nameContains shows (or stops showing) a card. */
    bool waitForCard(const std::string& nameContains, bool present, std::chrono::milliseconds timeout) const;

    /** Kills pcscd at once (SIGKILL), as a crash would: clients in a call see their connection break. */
    void crash();
    /** Starts pcscd again on the same socket and vpcd port (after crash()) and waits for the virtual reader. */
    void start();

private:
    std::string dir_, socket_;
    int port_ = 0;
    pid_t pid_ = -1;
};

/** Path of a program built by this project (build/bin/NAME). */
std::string programPath(const std::string& name);

} // namespace cccd::test
