#include "transport/apdu_trace.hpp"

#include <cstdio>

namespace cccd::transport {

namespace {
constexpr std::uint8_t insSelect = 0xA4;
constexpr std::size_t longestAid = 16;

std::string hexByte(std::uint8_t b)
{
    char text[3];
    std::snprintf(text, sizeof text, "%02X", b);
    return text;
}

// Spaced pairs: an AID such as A0 00 00 02 47 10 01 never forms a digit run the scrub would mask.
std::string spacedHex(const Bytes& bytes)
{
    std::string out;
    for (std::uint8_t b : bytes) out += (out.empty() ? "" : " ") + hexByte(b);
    return out;
}

std::string mseName(std::uint8_t p2)
{
    switch (p2) {
    case 0xA4: return "MSE:Set AT";
    case 0xA6: return "MSE:Set KAT";
    case 0xB6: return "MSE:Set DST";
    default: return "MSE";
    }
}

std::string insName(const CommandApdu& c)
{
    switch (c.ins()) {
    case insSelect: return "SELECT";
    case 0xB0:
    case 0xB1: return "READ BINARY";
    case 0x84: return "GET CHALLENGE";
    case 0x82: return "EXTERNAL AUTHENTICATE";
    case 0x88: return "INTERNAL AUTHENTICATE";
    case 0x22: return mseName(c.p2());
    case 0x86:
    case 0x87: return "GENERAL AUTHENTICATE";
    case 0xC0: return "GET RESPONSE";
    case 0xCA:
    case 0xCB: return "GET DATA";
    default: return "";
    }
}

// What the parameters mean where they are not personal: READ BINARY offsets, the file of a clear SELECT.
std::string parameters(const CommandApdu& c)
{
    char text[32];
    if (c.ins() == 0xB0 && (c.p1() & 0x80) == 0) {
        std::snprintf(text, sizeof text, " offset 0x%04X", ((c.p1() & 0x7F) << 8) | c.p2());
        return text;
    }
    if (c.ins() == 0xB0) {
        std::snprintf(text, sizeof text, " SFI 0x%02X offset 0x%02X", c.p1() & 0x1F, c.p2());
        return text;
    }
    const bool protectedCommand = (c.cla() & 0x0C) != 0; // SM bits: the data is a cryptogram
    if (c.ins() == insSelect && !protectedCommand && c.data().size() <= longestAid) return " " + spacedHex(c.data());
    return "";
}

std::string milliseconds(std::chrono::steady_clock::duration elapsed)
{
    char text[32];
    std::snprintf(text, sizeof text, "%.1f ms", std::chrono::duration<double, std::milli>(elapsed).count());
    return text;
}
} // namespace

std::string describeCommand(const CommandApdu& c)
{
    std::string name = insName(c);
    return spacedHex({c.cla(), c.ins(), c.p1(), c.p2()}) + (name.empty() ? "" : " " + name) + parameters(c) +
           ", Lc " + std::to_string(c.data().size()) + ", " + (c.hasLe() ? "Le " + std::to_string(c.ne()) : "no Le") +
           (c.isExtended() ? ", extended" : ", short");
}

std::string describeResponse(const ResponseApdu& r)
{
    return std::to_string(r.data().size()) + " bytes, SW " + (r.isSuccess() ? std::string("9000") : r.sw().describe());
}

void traceExchange(std::string_view layer, const CommandApdu& command, const ResponseApdu& response,
                   std::chrono::steady_clock::duration elapsed) noexcept
{
    log::lazy(LogLevel::Debug, [&] {
        return std::string(layer) + ": " + describeCommand(command) + " -> " + describeResponse(response) + ", " + milliseconds(elapsed);
    });
}

void traceFailure(std::string_view layer, const CommandApdu& command, const std::exception& error,
                  std::chrono::steady_clock::duration elapsed) noexcept
{
    log::lazy(LogLevel::Debug, [&] {
        return std::string(layer) + ": " + describeCommand(command) + " -> failed after " + milliseconds(elapsed) + ": " + error.what();
    });
}

} // namespace cccd::transport
