#include "link_model.hpp"

#include "cccd/error.hpp"

#include <algorithm>

namespace cccd::vcard {

namespace {
// ISO/IEC 14443-2/-3: a byte costs 9 bits (Type A: 8 + parity) or 10 etu (Type B: start, 8, stop); 10 is
// the conservative average. Each frame adds SOF/EOF, worth about one byte time.
constexpr double bitsPerByte = 10.0;
constexpr std::size_t blockFramingBytes = 3;  // ISO/IEC 14443-4 I-block: PCB + CRC (no CID, no NAD)
constexpr std::size_t sofEofBytes = 1;
constexpr std::size_t ackBytes = 3 + sofEofBytes; // R(ACK): PCB + CRC, in its own frame
constexpr double defaultApduOverheadMs = 4.0; // USB CCID (two full-speed transfers, 1 ms frames) + reader firmware + pcsc-lite
// FDT card→reader 1172/fc (86 µs, ISO/IEC 14443-3) + the reader's minimum frame delay 6780/fc (500 µs) per extra block.
constexpr double defaultBlockTurnaroundMs = 0.6;
constexpr double defaultPkOperationMs = 60.0; // 256-bit EC scalar multiplication or signature on a secure element: 40-100 ms
constexpr std::size_t frameSizes[] = {16, 24, 32, 40, 48, 64, 96, 128, 256, 512, 1024, 2048, 4096};
} // namespace

std::size_t iBlocksFor(std::size_t apduBytes, std::size_t frameSize)
{
    const std::size_t payload = frameSize - blockFramingBytes;
    return std::max<std::size_t>(1, (apduBytes + payload - 1) / payload);
}

ExchangeCost LinkModel::cost(std::size_t commandBytes, std::size_t responseBytes, int pkOperations) const
{
    ExchangeCost c;
    c.ms = extraLatencyMs;
    if (bitRateKbps == 0) return c;
    c.commandBlocks = iBlocksFor(commandBytes, fscBytes);
    c.responseBlocks = iBlocksFor(responseBytes, fsdBytes);
    const std::size_t blocks = c.commandBlocks + c.responseBlocks;
    const std::size_t acks = blocks - 2; // every block but the last of each direction is acknowledged
    c.airBytes = commandBytes + responseBytes + blocks * (blockFramingBytes + sofEofBytes) + acks * ackBytes;
    c.ms += apduOverheadMs + bitsPerByte * static_cast<double>(c.airBytes) / bitRateKbps + static_cast<double>(acks) * blockTurnaroundMs +
            pkOperations * publicKeyOperationMs;
    return c;
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
    m.apduOverheadMs = defaultApduOverheadMs;
    m.blockTurnaroundMs = defaultBlockTurnaroundMs;
    m.publicKeyOperationMs = defaultPkOperationMs;
    return m;
}

LinkModel linkModelFor(const std::string& rate, std::size_t fsc, std::size_t fsd)
{
    for (std::size_t size : {fsc, fsd}) {
        if (std::find(std::begin(frameSizes), std::end(frameSizes), size) == std::end(frameSizes)) {
            throw Error(ErrorKind::InvalidArgument, "--fsc/--fsd must be an ISO/IEC 14443-4 frame size: 16, 24, 32, 40, 48, 64, 96, "
                                                    "128, 256, 512, 1024, 2048 or 4096");
        }
    }
    LinkModel m = linkModelFor(rate);
    m.fscBytes = fsc;
    m.fsdBytes = fsd;
    return m;
}

} // namespace cccd::vcard
