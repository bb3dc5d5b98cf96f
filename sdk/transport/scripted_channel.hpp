// A channel that plays a fixed script of (expected command -> response) pairs, for unit tests of
// protocol edge cases. Any difference from the script fails loudly, naming the step.
#pragma once

#include "transport/apdu_channel.hpp"

#include <string>
#include <vector>

namespace cccd {

class ScriptedChannel : public ApduChannel {
public:
    struct Step {
        Bytes command;  ///< the exact encoded command expected
        Bytes response; ///< the raw response to return (data + SW)
        std::string note;
    };

    explicit ScriptedChannel(std::vector<Step> script, ChannelLimits limits = {});
    /** Convenience: steps as hex strings {command, response}. */
    static ScriptedChannel fromHex(const std::vector<std::pair<std::string, std::string>>& steps, ChannelLimits limits = {});

    ResponseApdu transmit(const CommandApdu& command) override;
    ChannelLimits limits() const override { return limits_; }

    /** Number of steps not played yet. */
    std::size_t remaining() const noexcept { return script_.size() - next_; }
    /** Throws if steps are left over. */
    void requireFinished() const;

private:
    std::vector<Step> script_;
    ChannelLimits limits_;
    std::size_t next_ = 0;
};

} // namespace cccd
