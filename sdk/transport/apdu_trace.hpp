// The APDU trace: at Debug, one line per command/response pair with the header, Lc, Le, the response
// length, the status word and the round-trip time. Data fields may hold personal data, keys, nonces or
// the CAN, so only their lengths are shown; the one exception is the file identifier or AID of a SELECT
// sent in the clear. Bytes are written as spaced pairs and times in milliseconds with one decimal, so no
// number in a trace line reaches the 6 digits that the log scrub masks.
#pragma once

#include "core/log.hpp"
#include "transport/apdu.hpp"

#include <chrono>
#include <exception>
#include <string>
#include <string_view>

namespace cccd::transport {

/** "0C B0 00 E0 READ BINARY offset 0x00E0, Lc 13, Le 256, short". */
std::string describeCommand(const CommandApdu& command);
/** "240 bytes, SW 9000" or "0 bytes, SW 6A82 (file not found)". */
std::string describeResponse(const ResponseApdu& response);

/** Logs at Debug "<layer>: <command> -> <response>, 1.2 ms". */
void traceExchange(std::string_view layer, const CommandApdu& command, const ResponseApdu& response,
                   std::chrono::steady_clock::duration elapsed) noexcept;
/** Logs at Debug "<layer>: <command> -> failed after 1.2 ms: <error>". */
void traceFailure(std::string_view layer, const CommandApdu& command, const std::exception& error,
                  std::chrono::steady_clock::duration elapsed) noexcept;

/** Returns send(command), traced under the layer's name; with Debug off it only forwards (no clock, no strings). */
template <typename Send>
ResponseApdu traced(std::string_view layer, const CommandApdu& command, Send&& send)
{
    if (!log::enabled(LogLevel::Debug)) return send(command);
    const auto start = std::chrono::steady_clock::now();
    try {
        ResponseApdu response = send(command);
        traceExchange(layer, command, response, std::chrono::steady_clock::now() - start);
        return response;
    } catch (const std::exception& e) {
        traceFailure(layer, command, e, std::chrono::steady_clock::now() - start);
        throw;
    }
}

} // namespace cccd::transport
