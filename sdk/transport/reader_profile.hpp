// Known reader quirks (drivers/readers/profiles.json, compiled in): a cap on block sizes and whether
// extended APDUs get through, keyed by a substring of the PC/SC reader name.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cccd::transport {

struct ReaderProfile {
    std::string match;
    bool extendedLength = true;
    std::size_t maxLe = 65536;
    std::string why;
};

/** The first profile whose match is contained in the reader name (case-insensitive), if any. */
std::optional<ReaderProfile> readerProfileFor(std::string_view readerName);

/** Parses a profiles document (the format of drivers/readers/profiles.json); throws ParseError. */
std::vector<ReaderProfile> parseReaderProfiles(std::string_view json);

} // namespace cccd::transport
