// cccd-agent of this build for one test: on a free port, against the test's pcscd, trusting the virtual card's test
// CSCA, with the shared face models when they are there; stopped with the test. Reached as the page
// http://localhost:9000 (its allowed origin) or another program with the token would reach it.
#pragma once

#include "pcscd_instance.hpp"

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <string>
#include <sys/types.h>
#include <vector>

namespace cccd::test {

/** An agent's answer to a page, with the wall time it took. */
struct AgentAnswer {
    int status = 0;      ///< HTTP status; 0 when no answer came
    nlohmann::json body; ///< discarded (is_discarded()) when the body is not JSON
    double seconds = 0;
};

class AgentInstance {
public:
    static constexpr const char* page = "http://localhost:9000";

    /** Starts the agent and waits until /v1/health answers. extraEnv: "NAME=value" for the agent (e.g. CCCD_LOG);
     *  logPath: one file for its stdout and stderr (else the test's). */
    explicit AgentInstance(const PcscdInstance& pcscd, const std::vector<std::string>& extraArgs = {}, const std::vector<std::string>& extraEnv = {},
                           const std::string& logPath = "");
    ~AgentInstance();
    AgentInstance(const AgentInstance&) = delete;
    AgentInstance& operator=(const AgentInstance&) = delete;

    /** A client of the agent with a 60 s read timeout. */
    httplib::Client client() const;
    /** The bearer token other programs than the page use. */
    const std::string& token() const { return token_; }
    int port() const { return port_; }
    /** True while it answers /v1/health. */
    bool running() const;
    /** The agent process's peak resident memory so far (VmHWM), in MB. */
    double peakRssMb() const;

    /** POSTs a JSON body to path as the page, timed. */
    AgentAnswer postFromPage(const std::string& path, const nlohmann::json& body) const;

private:
    int port_;
    std::string tokenFile_, token_;
    pid_t pid_ = -1;
};

/** The Origin header of the agent's allowed page. */
httplib::Headers fromPage();

} // namespace cccd::test
