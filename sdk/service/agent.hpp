// cccd-agent: the local HTTP service that lets a web page (a hospital HIS, a bank teller app, a kiosk) use this
// PC's card reader and camera. Loopback only; callers admitted by Origin or token (caller_check.hpp); one card
// operation per reader at a time; pages get only the fields they named (report_filter.hpp); events as SSE.
#pragma once

#include "service/agent_options.hpp"

#include <functional>
#include <memory>

namespace cccd::service {

class Agent {
public:
    /** Loads the token (creating it on first start) and the trust store: errors here are setup errors. */
    explicit Agent(AgentOptions options);
    ~Agent();
    Agent(const Agent&) = delete;
    Agent& operator=(const Agent&) = delete;

    /** Serves until stop(); ready runs once the port is bound. Returns false if the port could not be bound. */
    bool listen(const std::function<void()>& ready = {});
    void stop();

    struct Impl;

private:
    std::unique_ptr<Impl> impl_;
};

} // namespace cccd::service
