// cccd-agent: the local service that lets web pages use this PC's card reader and camera (docs/agent.md).
// Exit codes: 0 stopped, 2 usage or setup error (e.g. --bind to a non-loopback address), 1 the port is taken.
#include "cccd/error.hpp"
#include "cccd/log.hpp"
#include "service/agent.hpp"
#include "service/agent_options.hpp"

#include <CLI/CLI.hpp>

#include <csignal>
#include <iostream>

namespace {
cccd::service::Agent* running = nullptr;
extern "C" void onSignal(int)
{
    if (running) running->stop();
}
} // namespace

int main(int argc, char** argv)
{
    using namespace cccd::service;
    CLI::App app{"cccd-agent: lets web pages on this PC use the card reader and camera", "cccd-agent"};
    AgentOptions options;
    std::vector<std::string> origins;
    std::string config;
    bool verbose = false;
    app.add_option("--port", options.port, "TCP port on the loopback address")->check(CLI::Range(1, 65535));
    app.add_option("--bind", options.bind, "127.0.0.1 or ::1 (nothing else: the agent serves this PC only)");
    app.add_option("--origin", origins, "A web origin allowed to call, e.g. https://his.hospital.vn; repeatable");
    app.add_option("--token-file", options.tokenFile, "The bearer token for local programs (made on first start, mode 0600)");
    app.add_flag("--require-token", options.requireToken, "Pages must present the token too (shared PCs)");
    app.add_option("--trust", options.trustPaths, "CSCA certificate, master list or CRL (file or folder); repeatable");
    app.add_option("--models", options.models, "Folder of the face models");
    app.add_option("--config", config, "JSON config (/etc/cccd/agent.json): origins with their limits, trust, models, reader");
    app.add_flag("--verbose", verbose, "Log every request and the masked APDU trace");
    CLI11_PARSE(app, argc, argv);
    cccd::setLogLevel(verbose ? cccd::LogLevel::Debug : cccd::LogLevel::Info);
    try {
        if (!config.empty()) loadConfigFile(config, options);
        for (const std::string& origin : origins) options.origins.emplace(origin, OriginLimits{});
        Agent agent(options);
        running = &agent;
        std::signal(SIGINT, onSignal);
        std::signal(SIGTERM, onSignal);
        std::string host = options.bind == "::1" ? "[::1]" : options.bind;
        bool served = agent.listen([&] { std::cout << "cccd-agent listening on http://" << host << ':' << options.port << std::endl; });
        running = nullptr;
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
