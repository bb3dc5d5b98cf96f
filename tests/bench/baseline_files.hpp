// Reading a file the way common open eMRTD readers do: SELECT it by file identifier, then READ BINARY in
// fixed 223-byte blocks from offset 0 (the most a short answer carries under secure messaging), offsets above
// 32767 with the odd INS B1. Generous to them: the first block also gives the length (no separate header read).
#pragma once

#include "core/bytes.hpp"
#include "transport/apdu_channel.hpp"

#include <cstdint>
#include <optional>
#include <string>

namespace cccd::bench {

inline constexpr std::size_t baselineBlock = 223;

/** The whole file, or nothing when the chip answers 6A82 (absent) or 6982 (not allowed). Throws on other errors. */
std::optional<Bytes> readInFixedBlocks(ApduChannel& channel, std::uint16_t fid, const std::string& name);

} // namespace cccd::bench
