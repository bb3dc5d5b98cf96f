#include "transport/scripted_channel.hpp"

#include "cccd/error.hpp"

namespace cccd {

ScriptedChannel::ScriptedChannel(std::vector<Step> script, ChannelLimits limits)
    : script_(std::move(script)), limits_(limits)
{
}

ScriptedChannel ScriptedChannel::fromHex(const std::vector<std::pair<std::string, std::string>>& steps,
                                         ChannelLimits limits)
{
    std::vector<Step> script;
    for (const auto& [command, response] : steps) script.push_back({cccd::fromHex(command), cccd::fromHex(response), {}});
    return ScriptedChannel(std::move(script), limits);
}

ResponseApdu ScriptedChannel::transmit(const CommandApdu& command)
{
    Bytes sent = command.encode();
    if (next_ >= script_.size()) {
        throw Error(ErrorKind::Internal, "scripted channel: unexpected command " + toHex(sent) + " after the last of " +
                                             std::to_string(script_.size()) + " steps");
    }
    const Step& step = script_[next_];
    if (sent != step.command) {
        throw Error(ErrorKind::Internal, "scripted channel: step " + std::to_string(next_ + 1) +
                                             (step.note.empty() ? "" : " (" + step.note + ")") + " expected " +
                                             toHex(step.command) + " but got " + toHex(sent));
    }
    ++next_;
    return ResponseApdu::parse(step.response);
}

void ScriptedChannel::requireFinished() const
{
    if (remaining() != 0) {
        throw Error(ErrorKind::Internal, "scripted channel: " + std::to_string(remaining()) + " of " +
                                             std::to_string(script_.size()) + " steps were not played");
    }
}

} // namespace cccd
