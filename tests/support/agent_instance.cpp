#include "agent_instance.hpp"

#include "child_process.hpp"
#include "tcp_port.hpp"
#include "test_data.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <thread>

namespace cccd::test {

AgentInstance::AgentInstance(const PcscdInstance& pcscd, const std::vector<std::string>& extraArgs, const std::vector<std::string>& extraEnv,
                             const std::string& logPath)
    : port_(freeTcpPort()), tokenFile_(pcscd.workDir() + "/agent-token")
{
    std::vector<std::string> args{programPath("cccd-agent"), "--port", std::to_string(port_), "--origin", page, "--token-file", tokenFile_,
                                  "--trust", testCscaPath()};
    args.insert(args.end(), extraArgs.begin(), extraArgs.end());
    const std::string models = dataRoot() + "/models";
    if (std::filesystem::is_directory(models)) args.insert(args.end(), {"--models", models});
    std::vector<std::string> env{"XDG_DATA_HOME=" + pcscd.workDir() + "/data"}; // a private trust store
    env.insert(env.end(), extraEnv.begin(), extraEnv.end());
    pid_ = startProcess(args, env, logPath, logPath);
    REQUIRE(pid_ > 0);
    for (int i = 0; i < 200 && !running(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(50));
    REQUIRE(running());
    std::ifstream(tokenFile_) >> token_;
}

AgentInstance::~AgentInstance() { stopProcess(pid_); }

httplib::Client AgentInstance::client() const
{
    httplib::Client c("127.0.0.1", port_);
    c.set_read_timeout(60, 0);
    return c;
}

bool AgentInstance::running() const { return static_cast<bool>(client().Get("/v1/health")); }

double AgentInstance::peakRssMb() const
{
    std::ifstream status("/proc/" + std::to_string(pid_) + "/status");
    for (std::string line; std::getline(status, line);) {
        if (line.rfind("VmHWM:", 0) == 0) return std::stod(line.substr(6)) / 1024.0; // "VmHWM:   123456 kB"
    }
    return 0;
}

AgentAnswer AgentInstance::postFromPage(const std::string& path, const nlohmann::json& body) const
{
    const auto start = std::chrono::steady_clock::now();
    httplib::Result res = client().Post(path, fromPage(), body.dump(), "application/json");
    AgentAnswer answer;
    answer.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (!res) return answer;
    answer.status = res->status;
    answer.body = nlohmann::json::parse(res->body, nullptr, false);
    return answer;
}

httplib::Headers fromPage() { return {{"Origin", AgentInstance::page}}; }

} // namespace cccd::test
