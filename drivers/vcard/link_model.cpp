#include "link_model.hpp"

#include "cccd/error.hpp"

namespace cccd::vcard {

namespace {
// ISO/IEC 14443: each byte travels as 8 data bits plus a parity bit (Type A) or start/stop bits (Type B);
// frames add SOF/EOF, a PCB byte and a 2-byte CRC, and I-blocks are acknowledged. 10 bits per byte and
// 4 bytes of framing per direction is a fair average of both types.
constexpr double bitsPerByte = 10.0;
constexpr std::size_t framingBytes = 4;
constexpr double defaultOverheadMs = 4.0;  // reader firmware + USB CCID round trip + pcsc-lite: 3-6 ms measured on common readers
constexpr double defaultPkOperationMs = 60.0; // EC scalar multiplication (256-bit) on current secure elements: 40-100 ms
} // namespace

double LinkModel::exchangeMs(std::size_t commandBytes, std::size_t responseBytes, int pkOperations) const
{
    double ms = extraLatencyMs;
    if (bitRateKbps == 0) return ms;
    double bits = bitsPerByte * static_cast<double>(commandBytes + responseBytes + 2 * framingBytes);
    return ms + exchangeOverheadMs + bits / bitRateKbps + pkOperations * publicKeyOperationMs;
}

LinkModel linkModelFor(const std::string& rate)
{
    LinkModel m;
    if (rate == "none") return m;
    if (rate == "106k") m.bitRateKbps = 106;
    else if (rate == "212k") m.bitRateKbps = 212;
    else if (rate == "424k") m.bitRateKbps = 424;
    else if (rate == "848k") m.bitRateKbps = 848;
    else throw Error(ErrorKind::InvalidArgument, "--link must be none, 106k, 212k, 424k or 848k");
    m.exchangeOverheadMs = defaultOverheadMs;
    m.publicKeyOperationMs = defaultPkOperationMs;
    return m;
}

} // namespace cccd::vcard
