#include "transport/chaining_channel.hpp"

#include "cccd/error.hpp"

namespace cccd {

namespace {
// A card that keeps answering 61xx or 6Cxx forever must not hang the reader.
constexpr int maxChainSteps = 512;
constexpr std::uint8_t insGetResponse = 0xC0;
} // namespace

ResponseApdu ChainingChannel::transmit(const CommandApdu& command)
{
    ResponseApdu response = inner_.transmit(command);
    if (response.sw().isWrongLe()) {
        std::size_t le = response.sw().sw2() == 0 ? maxShortNe : response.sw().sw2();
        response = inner_.transmit(command.withNe(le));
    }
    Bytes collected;
    for (int step = 0; response.sw().hasMoreData(); ++step) {
        if (step >= maxChainSteps) {
            throw CardStatusError("GET RESPONSE chain longer than " + std::to_string(maxChainSteps) + " steps", command.ins(),
                                  response.sw().value(), ErrorKind::Communication);
        }
        append(collected, response.data());
        std::size_t le = response.sw().sw2() == 0 ? maxShortNe : response.sw().sw2();
        // GET RESPONSE keeps the logical channel bits of the original class byte only.
        response = inner_.transmit(CommandApdu(command.cla() & 0x03, insGetResponse, 0x00, 0x00, le));
    }
    if (collected.empty()) return response;
    append(collected, response.data());
    return ResponseApdu(std::move(collected), response.sw());
}

} // namespace cccd
