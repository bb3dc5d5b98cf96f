// How long a real contactless exchange takes, applied as a real delay so benchmarks measure a card and
// not the socket. One APDU crosses ISO/IEC 14443-4 as I-blocks of at most FSC (to the card) or FSD (to the
// reader) bytes; every chained block but the last is acknowledged by an R(ACK). See docs/benchmarks.md for
// the formula and the sources of its constants.
#pragma once

#include <cstddef>
#include <string>

namespace cccd::vcard {

/** What one APDU exchange costs on the modelled link. */
struct ExchangeCost {
    std::size_t commandBlocks = 0;  ///< I-blocks from the reader (command chaining when > 1)
    std::size_t responseBlocks = 0; ///< I-blocks from the card (response chaining when > 1)
    std::size_t airBytes = 0;       ///< byte times on air: APDUs, block framing and the R(ACK)s
    double ms = 0;
};

struct LinkModel {
    int bitRateKbps = 0;              ///< 0: no delays (--link none)
    std::size_t fscBytes = 256;       ///< largest frame the card accepts (FSC), PCB and CRC included
    std::size_t fsdBytes = 256;       ///< largest frame the reader accepts (FSD), PCB and CRC included
    double apduOverheadMs = 0;        ///< reader firmware, USB CCID and pcsc-lite, once per APDU
    double blockTurnaroundMs = 0;     ///< each chained block's acknowledgement round (frame delay times)
    double publicKeyOperationMs = 0;  ///< one EC scalar multiplication or signature on the chip
    int extraLatencyMs = 0;           ///< fault latency:MS

    /** The cost of an exchange of these sizes (APDU bytes, SW included), with pkOperations on the chip. */
    ExchangeCost cost(std::size_t commandBytes, std::size_t responseBytes, int pkOperations) const;
    double exchangeMs(std::size_t commandBytes, std::size_t responseBytes, int pkOperations) const
    {
        return cost(commandBytes, responseBytes, pkOperations).ms;
    }
};

/** I-blocks that carry an APDU of this many bytes in frames of frameSize bytes (at least one). */
std::size_t iBlocksFor(std::size_t apduBytes, std::size_t frameSize);

/** none | 106k | 212k | 424k | 848k; throws Error(InvalidArgument) otherwise. */
LinkModel linkModelFor(const std::string& rate);

/** linkModelFor(rate) with other frame sizes: ISO/IEC 14443-4 values 16 … 256, 512 … 4096 (FSCI/FSDI 0-12). */
LinkModel linkModelFor(const std::string& rate, std::size_t fsc, std::size_t fsd);

} // namespace cccd::vcard
