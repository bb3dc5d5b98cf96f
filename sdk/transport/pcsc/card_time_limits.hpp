// How long a card may take, so a chip that stops answering, or answers ever more slowly, ends a read with an error
// instead of hanging it. A real chip answers in milliseconds, up to about a second for a public-key step on a slow
// chip; a large block takes its bytes' time at the slowest contactless rate (106 kbit/s). A reader's firmware
// usually gives up on a silent card by itself, but pcsc-lite waits for the driver without a limit.
#pragma once

#include <chrono>
#include <cstddef>

namespace cccd::pcsc {

/** The most a PC/SC call on a card may take beyond its bytes' transfer time. */
inline constexpr std::chrono::milliseconds cardCallLimit{5000};

/** The longest one read (one transaction) may hold the card: about 6 times a full read at 106 kbit/s with short
 *  blocks, so only a chip that drips its data out meets it. */
inline constexpr std::chrono::seconds transactionLimit{60};

/** cardCallLimit plus twice the time these bytes take at 106 kbit/s (10 bits a byte). */
constexpr std::chrono::milliseconds responseLimit(std::size_t commandBytes, std::size_t responseBytes)
{
    return cardCallLimit + std::chrono::milliseconds(2 * 10 * (commandBytes + responseBytes) / 106);
}

} // namespace cccd::pcsc
