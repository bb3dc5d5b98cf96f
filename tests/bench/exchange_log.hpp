// What the virtual card saw during one read: its --stats file (one line per exchange: command bytes,
// response bytes, public-key operations, I-blocks each way, modelled ms). Sizes only, never contents.
#pragma once

#include <cstddef>
#include <string>

namespace cccd::bench {

struct ExchangeTotals {
    std::size_t apdus = 0;
    std::size_t bytesToCard = 0, bytesFromCard = 0;
    std::size_t blocksToCard = 0, blocksFromCard = 0;
    int publicKeyOperations = 0;
    double modelledMs = 0; ///< the link model's time for these exchanges: the rest of a run is host and IPC time
};

/** Empties the file the card appends to, so the next totals cover one read. */
void clearExchangeLog(const std::string& path);

ExchangeTotals readExchangeLog(const std::string& path);

} // namespace cccd::bench
