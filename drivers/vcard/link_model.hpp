// How long a real contactless exchange takes, applied as a real delay so benchmarks measure a card and
// not the socket. See docs/vcard.md for the model, its default figures and the floor formula.
#pragma once

#include <cstddef>
#include <string>

namespace cccd::vcard {

struct LinkModel {
    int bitRateKbps = 0;              ///< 0: no delays (--link none)
    double exchangeOverheadMs = 0;    ///< reader turnaround, PC/SC and USB per APDU
    double publicKeyOperationMs = 0;  ///< one EC scalar multiplication or signature on the chip
    int extraLatencyMs = 0;           ///< fault latency:MS

    /** The time an exchange of these sizes takes, plus pkOperations public-key operations on the chip. */
    double exchangeMs(std::size_t commandBytes, std::size_t responseBytes, int pkOperations) const;
};

/** none | 106k | 212k | 424k | 848k; throws Error(InvalidArgument) otherwise. */
LinkModel linkModelFor(const std::string& rate);

} // namespace cccd::vcard
