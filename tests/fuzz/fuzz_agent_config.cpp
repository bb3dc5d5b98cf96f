// The agent's JSON config file (origins and their limits, cameras, trust paths ...): only cccd::Error may come out.
#include "cccd/error.hpp"
#include "fuzz_target.hpp"
#include "service/agent_options.hpp"
#include "temp_file.hpp"

#include <string_view>

std::vector<std::vector<std::uint8_t>> cccd::fuzz::fuzzSeeds()
{
    std::string_view config = R"({"port": 8741, "bind": "127.0.0.1", "origins": {"https://counter.example": {"fields": ["id_number"], "face": false}},
 "require_token": true, "trust": [], "reader": "ACS", "camera": ["0"]})";
    return {std::vector<std::uint8_t>(config.begin(), config.end())};
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string path = cccd::fuzz::writeTempFile(data, size, "agent.json");
    try {
        cccd::service::AgentOptions options;
        cccd::service::loadConfigFile(path, options);
    } catch (const cccd::Error&) {
    }
    return 0;
}
