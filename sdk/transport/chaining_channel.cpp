#include "transport/chaining_channel.hpp"

#include "cccd/error.hpp"

namespace cccd {

namespace {
// A card that keeps answering 61xx or 6Cxx forever must not hang the reader: 6Cxx is retried once.
constexpr int maxChainSteps = 512;
constexpr std::uint8_t insGetResponse = 0xC0;

ResponseApdu exchange(ApduChannel& inner, const CommandApdu& command)
{
    ResponseApdu response = inner.transmit(command);
    requireWithinLe(command, response, command.ne(), response.data().size());
    return response;
}
} // namespace

void requireWithinLe(const CommandApdu& sent, const ResponseApdu& answer, std::size_t allowed, std::size_t received)
{
    if (received <= allowed) return;
    throw CardStatusError("the card answered " + std::to_string(received) + " bytes where at most " + std::to_string(allowed) +
                              " were asked for (a faulty or forged chip)",
                          sent.ins(), answer.sw().value(), ErrorKind::Communication);
}

ResponseApdu ChainingChannel::transmit(const CommandApdu& command)
{
    ResponseApdu response = exchange(inner_, command);
    if (response.sw().isWrongLe()) {
        std::size_t le = response.sw().sw2() == 0 ? maxShortNe : response.sw().sw2();
        response = exchange(inner_, command.withNe(le));
        // One retry with the Le the card named: a card that names another one again would keep the reader asking.
        if (response.sw().isWrongLe()) {
            throw CardStatusError("the card answered 6Cxx (wrong Le) again after the one retry with the Le it asked for (a faulty or forged chip)",
                                  command.ins(), response.sw().value(), ErrorKind::Communication);
        }
    }
    // The pieces of one answer add up to no more than the command asked for (256 when it had no Le, as T=0 sends).
    const std::size_t allowed = command.hasLe() ? command.ne() : maxShortNe;
    Bytes collected;
    for (int step = 0; response.sw().hasMoreData(); ++step) {
        if (step >= maxChainSteps) {
            throw CardStatusError("GET RESPONSE chain longer than " + std::to_string(maxChainSteps) + " steps", command.ins(),
                                  response.sw().value(), ErrorKind::Communication);
        }
        append(collected, response.data());
        requireWithinLe(command, response, allowed, collected.size());
        std::size_t le = response.sw().sw2() == 0 ? maxShortNe : response.sw().sw2();
        // GET RESPONSE keeps the logical channel bits of the original class byte only.
        response = exchange(inner_, CommandApdu(command.cla() & 0x03, insGetResponse, 0x00, 0x00, le));
    }
    if (collected.empty()) return response;
    append(collected, response.data());
    requireWithinLe(command, response, allowed, collected.size());
    return ResponseApdu(std::move(collected), response.sw());
}

} // namespace cccd
