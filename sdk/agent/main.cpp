// cccd-agent: the local service that lets web pages use this PC's card reader and camera (docs/agent.md).
// Exit codes: 0 stopped (SIGINT/SIGTERM), 1 the port is taken, 2 usage or setup error (e.g. a non-loopback --bind).
#include "cccd/error.hpp"
#include "cccd/log.hpp"
#include "service/agent.hpp"
#include "service/agent_options.hpp"
#include "service/camera_sources.hpp"

#include <CLI/CLI.hpp>

#include <csignal>
#include <filesystem>
#include <iostream>
#include <pthread.h>
#include <thread>

namespace {
const char* const systemConfig = "/etc/cccd/agent.json";

// Stops the agent on SIGINT/SIGTERM from a thread of its own: a signal handler may not take locks or join threads.
std::thread stopOnSignal(cccd::service::Agent& agent, sigset_t signals)
{
    return std::thread([&agent, signals] {
        int received = 0;
        sigwait(&signals, &received);
        if (received != SIGUSR1) agent.stop(); // SIGUSR1: the agent ended by itself, only this thread must go
    });
}
} // namespace

int main(int argc, char** argv)
{
    using namespace cccd::service;
    CLI::App app{"cccd-agent: lets web pages on this PC use the card reader and camera", "cccd-agent"};
    AgentOptions flags;
    std::vector<std::string> origins;
    std::string config;
    bool verbose = false;
    app.add_option("--port", flags.port, "TCP port on the loopback address")->check(CLI::Range(1, 65535));
    app.add_option("--bind", flags.bind, "127.0.0.1 or ::1 (nothing else: the agent serves this PC only)");
    app.add_option("--origin", origins, "A web origin allowed to call, e.g. https://his.hospital.vn; repeatable");
    app.add_option("--token-file", flags.tokenFile, "The bearer token for local programs (made on first start, mode 0600)");
    app.add_flag("--require-token", flags.requireToken, "Pages must present the token too (shared PCs)");
    app.add_option("--trust", flags.trustPaths, "CSCA certificate, master list or CRL (file or folder); repeatable");
    app.add_option("--models", flags.models, "Folder of the face models");
    app.add_option("--camera", flags.cameras,
                   "What camera:N opens, in order (the first is camera:0): a V4L2 index, a video file, an image or a folder of images; repeatable");
    app.add_option("--config", config, std::string("JSON config: origins with their limits, trust, models, reader (default ") + systemConfig + " when it exists)");
    app.add_flag("--verbose", verbose, "Log every request and the masked APDU trace");
    CLI11_PARSE(app, argc, argv);
    cccd::setLogLevel(verbose ? cccd::LogLevel::Debug : cccd::LogLevel::Info);

    // Block the stop signals in every thread the agent starts; one thread waits for them.
    sigset_t signals;
    sigemptyset(&signals);
    for (int s : {SIGINT, SIGTERM, SIGUSR1}) sigaddset(&signals, s);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);
    try {
        // The config file first, then what the command line says explicitly (it wins).
        AgentOptions options;
        if (config.empty() && std::filesystem::exists(systemConfig)) config = systemConfig;
        if (!config.empty()) loadConfigFile(config, options);
        if (app.count("--port")) options.port = flags.port;
        if (app.count("--bind")) options.bind = flags.bind;
        if (app.count("--token-file")) options.tokenFile = flags.tokenFile;
        if (flags.requireToken) options.requireToken = true;
        if (app.count("--models")) options.models = flags.models;
        if (app.count("--camera")) options.cameras = flags.cameras;
        checkCameraOptions(options.cameras); // a missing video file is a setup error, said at start
        options.trustPaths.insert(options.trustPaths.end(), flags.trustPaths.begin(), flags.trustPaths.end());
        for (const std::string& origin : origins) options.origins.emplace(origin, OriginLimits{});

        Agent agent(options);
        std::thread stopper = stopOnSignal(agent, signals);
        std::string host = options.bind == "::1" ? "[::1]" : options.bind;
        bool served = agent.listen([&] { std::cout << "cccd-agent listening on http://" << host << ':' << options.port << std::endl; });
        ::kill(::getpid(), SIGUSR1); // wake the stopper if the agent ended on its own (port taken)
        stopper.join();
        if (!served) {
            std::cerr << "cccd-agent: cannot listen on " << host << ':' << options.port << " (is another agent running?)\n";
            return 1;
        }
        return 0;
    } catch (const cccd::Error& e) {
        std::cerr << "cccd-agent: " << e.what() << '\n';
        return e.kind() == cccd::ErrorKind::InvalidArgument || e.kind() == cccd::ErrorKind::NotFound ? 2 : 1;
    }
}
