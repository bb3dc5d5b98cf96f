#include "cccd/error.hpp"

#include <cstdio>

namespace cccd {

namespace {
std::string hex16(std::uint16_t v)
{
    char buf[8];
    std::snprintf(buf, sizeof buf, "%04X", v);
    return buf;
}
std::string hex8(std::uint8_t v)
{
    char buf[4];
    std::snprintf(buf, sizeof buf, "%02X", v);
    return buf;
}
} // namespace

ParseError::ParseError(std::string context, std::size_t offset, const std::string& problem)
    : Error(ErrorKind::MalformedData, context + ": " + problem + " at offset " + std::to_string(offset)),
      context_(std::move(context)), offset_(offset)
{
}

CardStatusError::CardStatusError(std::string step, std::uint8_t ins, std::uint16_t sw, ErrorKind kind)
    : Error(kind, step + ": card answered " + hex16(sw) + " to INS " + hex8(ins)), step_(std::move(step)), ins_(ins),
      sw_(sw)
{
}

PcscError::PcscError(ErrorKind kind, std::string function, std::uint32_t code, const std::string& message)
    : Error(kind, message), function_(std::move(function)), code_(code)
{
}

} // namespace cccd
