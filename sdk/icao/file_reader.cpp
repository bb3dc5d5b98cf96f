#include "icao/file_reader.hpp"

#include "cccd/error.hpp"
#include "core/secure.hpp"
#include "core/tlv.hpp"
#include "icao/file_size_limits.hpp"

#include <algorithm>

namespace cccd::icao {

namespace {
constexpr std::uint8_t insReadBinary = 0xB0;
constexpr std::uint8_t insReadBinaryOdd = 0xB1;
constexpr std::uint8_t insSelect = 0xA4;
constexpr std::size_t maxEvenOffset = 0x7FFF; // P1 bit 8 flags an SFI, so B0 offsets have 15 bits
constexpr std::size_t oddReadOverhead = 4;     // DO'53' tag and length around B1 data
constexpr std::size_t headerReadLimit = 1024;  // with progress watched: the total is known after a short first read

// 6700 wrong length, 6282 end of file with no data, 6B00 offset/Le refused: all mean "ask for less".
bool meansBlockTooLarge(const ResponseApdu& r)
{
    return r.sw() == sw::WRONG_LENGTH || r.sw() == sw::WRONG_P1P2 ||
           (r.sw() == sw::END_OF_FILE_WARNING && r.data().empty());
}

bool deliversData(const ResponseApdu& r)
{
    return r.isSuccess() || (r.sw() == sw::END_OF_FILE_WARNING && !r.data().empty());
}
} // namespace

FileReader::FileReader(ApduChannel& channel, ReadPolicy policy) : channel_(channel), policy_(policy)
{
    if (policy_.allowExtendedLength && channel_.limits().extendedLength) {
        ladder_.push_back(std::min(policy_.maxBlock, maxExtendedNe));
        startedExtended_ = true;
    }
    // Short-length fallbacks: 256, 224 (common reader limit), 223 (fits an AES-protected short response), 160, 64.
    const std::size_t shortCap = std::min(policy_.maxBlock, policy_.maxShortBlock);
    for (std::size_t size : {256u, 224u, 223u, 160u, 64u}) {
        if (size <= shortCap && (ladder_.empty() || size < ladder_.back())) ladder_.push_back(size);
    }
    if (ladder_.empty()) ladder_.push_back(std::max<std::size_t>(policy_.maxBlock, 1));
}

ResponseApdu FileReader::send(const CommandApdu& command)
{
    ++commands_;
    return channel_.transmit(command);
}

bool FileReader::stepDown()
{
    if (rung_ + 1 >= ladder_.size()) return false;
    ++rung_;
    return true;
}

ResponseApdu FileReader::readFirstBlock(const ElementaryFile& file, bool totalFirst)
{
    for (;;) {
        // A file that fits comes at once (a shorter answer ends it). When progress is watched, a short first read
        // gives the total early, so a bar can move during the long rest.
        std::size_t ne = totalFirst ? std::min(blockSize(), headerReadLimit) : blockSize();
        ResponseApdu r = file.sfi != 0 ? send(CommandApdu(0x00, insReadBinary, static_cast<std::uint8_t>(0x80 | file.sfi), 0x00, ne))
                                       : send(CommandApdu(0x00, insReadBinary, 0x00, 0x00, ne));
        if (!meansBlockTooLarge(r)) return r;
        // Step below the size that failed, not just one rung: the first read may use less than the block size.
        while (blockSize() >= ne) {
            if (!stepDown()) return r;
        }
    }
}

Bytes FileReader::readAt(const ElementaryFile& file, std::size_t offset, std::size_t count)
{
    for (;;) {
        ResponseApdu r = [&] {
            if (offset <= maxEvenOffset) {
                return send(CommandApdu(0x00, insReadBinary, static_cast<std::uint8_t>(offset >> 8),
                                        static_cast<std::uint8_t>(offset), std::min(count, blockSize())));
            }
            // The DO'53' around the data counts in Ne: ask for no more than the block size, or a block that fits
            // exactly would be refused and the rest of the session read in smaller blocks.
            Bytes offsetDo = encodeTlv(0x54, bigEndian(offset, offset > 0xFFFF ? 3 : 2));
            return send(CommandApdu(0x00, insReadBinaryOdd, 0x00, 0x00, offsetDo, std::min(count + oddReadOverhead, blockSize())));
        }();
        WipeOnExit wipeAnswer(r.data()); // holds the file's plain bytes: the B1 path copies them out
        if (deliversData(r)) {
            if (offset <= maxEvenOffset) return std::move(r.data());
            Tlv wrapped = parseTlv(r.data(), file.name + " (READ BINARY B1)");
            if (wrapped.tag != 0x53) throw ParseError(file.name + " (READ BINARY B1)", 0, "expected DO'53'");
            return wrapped.value.toBytes();
        }
        if (meansBlockTooLarge(r) && stepDown()) continue;
        if (r.sw() == sw::WRONG_P1P2 || r.sw() == sw::END_OF_FILE_WARNING) { // past the end, even for the smallest block
            throw ParseError(file.name, offset, "the card says the file ends here, before the length its header gives (a faulty or forged chip)");
        }
        throw CardStatusError("reading " + file.name + " at offset " + std::to_string(offset),
                              offset <= maxEvenOffset ? insReadBinary : insReadBinaryOdd, r.sw().value(),
                              ErrorKind::Communication);
    }
}

FileResult FileReader::read(const ElementaryFile& file, const FileProgress& progress)
{
    if (file.sfi == 0) {
        ResponseApdu selected = send(CommandApdu(0x00, insSelect, 0x02, 0x0C, bigEndian(file.fid, 2)));
        if (selected.sw() == sw::FILE_NOT_FOUND) return {FileStatus::NotFound, {}};
        if (selected.sw() == sw::SECURITY_STATUS_NOT_SATISFIED) return {FileStatus::AccessDenied, {}};
        if (!selected.isSuccess()) throw CardStatusError("selecting " + file.name, insSelect, selected.sw().value());
    }
    ResponseApdu first = readFirstBlock(file, static_cast<bool>(progress));
    if (first.sw() == sw::FILE_NOT_FOUND) return {FileStatus::NotFound, {}};
    if (first.sw() == sw::SECURITY_STATUS_NOT_SATISFIED) return {FileStatus::AccessDenied, {}};
    if (!deliversData(first) || first.data().empty()) {
        throw CardStatusError("reading " + file.name, insReadBinary, first.sw().value(), ErrorKind::Communication);
    }

    WipeOnExit wipeFirst(first.data());
    std::optional<std::size_t> total = tlvTotalSize(first.data(), file.name);
    if (!total) throw ParseError(file.name, first.data().size(), "file ends inside its TLV header");
    const std::size_t largest = std::min(policy_.largestFile, largestFileSize(file.fid));
    if (*total > largest) {
        throw ParseError(file.name, 0, "its header claims " + std::to_string(*total) + " bytes, more than the " + std::to_string(largest) +
                                           " a genuine card holds there (a faulty or forged chip)");
    }
    // The whole file in one buffer sized once: a growing buffer would free copies of the photo or the holder's
    // text at each reallocation, unwiped. Every block and the buffer itself (on an error) are wiped.
    Bytes content;
    content.reserve(*total);
    WipeOnExit wipeContent(content); // empty once moved into the result
    const std::size_t firstPart = std::min(first.data().size(), *total); // bytes after the TLV are padding
    content.insert(content.end(), first.data().begin(), first.data().begin() + static_cast<std::ptrdiff_t>(firstPart));
    if (progress) progress(file, content.size(), *total);

    while (content.size() < *total) {
        Bytes block = readAt(file, content.size(), *total - content.size());
        WipeOnExit wipeBlock(block);
        if (block.empty()) throw ParseError(file.name, content.size(), "the card returned no data before the end of the file");
        append(content, ByteView(block).sub(0, std::min(block.size(), *total - content.size())));
        if (progress) progress(file, content.size(), *total);
    }
    return {FileStatus::Read, std::move(content)};
}

} // namespace cccd::icao
