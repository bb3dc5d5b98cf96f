#include "read_floor.hpp"

#include <algorithm>

namespace cccd::vcard {

namespace {
constexpr std::size_t aesBlock = 16;
constexpr std::size_t macObject = 2 + 8;        // DO'8E', an 8-byte MAC
constexpr std::size_t statusObject = 2 + 2;     // DO'99', the protected SW
constexpr std::size_t statusWord = 2;
constexpr std::size_t shortResponseMax = 256, extendedResponseMax = 65536;
constexpr std::size_t shortEvenOffsetMax = 0x7FFF; // READ BINARY B0 offsets; beyond, B1 with DO'54'
constexpr std::size_t oddAnswerReserve = 4;        // the chip keeps room in Ne for DO'53' 82 LL LL around B1 data

// PACE-GM on brainpoolP256r1 (CCCD), least encodings: command and answer bytes, public-key operations on the chip.
struct Message {
    std::size_t command, response;
    int pk;
};
constexpr Message paceMessages[] = {
    {20, 2, 0},  // MSE:Set AT: 80 protocol OID (10), 83 password reference; no Le
    {8, 22, 0},  // GA 1: 7C 00 → the 16-byte encrypted nonce
    {75, 71, 2}, // GA 2: mapping keys, 65-byte points each way
    {75, 71, 2}, // GA 3: ephemeral keys
    {18, 14, 0}, // GA 4: 8-byte authentication tokens
};
constexpr std::size_t caMseData = 12;    // 80 + CA protocol OID (10)
constexpr std::size_t caGaData = 69;     // 7C 43 80 41 + the terminal's 65-byte point
constexpr std::size_t caGaAnswer = 2;    // 7C 00
constexpr std::size_t aaChallenge = 8;
constexpr std::size_t aidBytes = 7;      // A0000002471001

std::size_t lengthFieldBytes(std::size_t length) { return length < 0x80 ? 1 : length < 0x100 ? 2 : 3; }

std::size_t dataObjectBytes(std::size_t value) { return 1 + lengthFieldBytes(value) + value; } // one-byte tag

std::size_t cryptogramObject(std::size_t plain) // DO'87': padding indicator + padded ciphertext
{
    return dataObjectBytes(1 + (plain / aesBlock + 1) * aesBlock);
}

struct Tally {
    const LinkModel& link;
    Floor floor;
    void add(std::size_t command, std::size_t response, int pk)
    {
        floor.ms += link.exchangeMs(command, response, pk);
        floor.apdus += 1;
        floor.bytes += command + response;
    }
};

// A plain READ BINARY by SFI (EF.CardAccess): header, Le; the file in answers of the largest Ne allowed.
void readPlain(Tally& t, std::size_t size, bool extended)
{
    const std::size_t most = extended ? extendedResponseMax : shortResponseMax;
    for (std::size_t done = 0; done < size;) {
        std::size_t n = std::min(most, size - done);
        t.add(extended && n > shortResponseMax ? 7 : 5, n + statusWord, 0);
        done += n;
    }
}

// A protected file: B0 blocks while the offset fits 15 bits, then B1 with DO'54' and answers in DO'53'.
void readProtected(Tally& t, std::size_t size, bool extended)
{
    const std::size_t most = largestPlainAnswer(extended);
    for (std::size_t done = 0; done < size;) {
        if (done <= shortEvenOffsetMax) {
            std::size_t n = std::min(most, size - done);
            t.add(smCommandBytes(0, n), smResponseBytes(n), 0);
            done += n;
        } else {
            std::size_t offsetObject = 2 + (done > 0xFFFF ? 3 : 2);
            std::size_t n = std::min(most - oddAnswerReserve, size - done);
            t.add(smCommandBytes(offsetObject, n + oddAnswerReserve), smResponseBytes(dataObjectBytes(n)), 0);
            done += n;
        }
    }
}
} // namespace

std::size_t smCommandBytes(std::size_t plainData, std::size_t ne)
{
    std::size_t body = (plainData > 0 ? cryptogramObject(plainData) : 0) + macObject;
    bool extended = ne > shortResponseMax || smResponseBytes(ne) - statusWord > shortResponseMax;
    if (ne > 0) body += 2 + (ne > shortResponseMax ? 2 : 1); // DO'97': the plain Le
    extended = extended || body > 255;
    return 4 + (extended ? 3 : 1) + body + (extended ? 2 : 1); // header, Lc, body, the outer Le (always: the answer has a MAC)
}

std::size_t smResponseBytes(std::size_t plainData)
{
    return (plainData > 0 ? cryptogramObject(plainData) : 0) + statusObject + macObject + statusWord;
}

std::size_t largestPlainAnswer(bool extendedLength)
{
    const std::size_t limit = extendedLength ? extendedResponseMax : shortResponseMax;
    std::size_t n = limit;
    while (smResponseBytes(n) - statusWord > limit) --n;
    return n;
}

Floor floorOf(const FloorInput& in)
{
    Tally t{in.link, {}};
    readPlain(t, in.cardAccessBytes, in.extendedLength);
    for (const Message& m : paceMessages) t.add(m.command, m.response, m.pk);
    t.add(smCommandBytes(aidBytes, 0), smResponseBytes(0), 0);
    for (std::size_t size : in.fileBytes) readProtected(t, size, in.extendedLength);
    if (!in.proveChip) return t.floor;
    t.add(smCommandBytes(caMseData, 0), smResponseBytes(0), 0);
    t.add(smCommandBytes(caGaData, shortResponseMax), smResponseBytes(caGaAnswer), 1);
    t.add(smCommandBytes(aaChallenge, in.activeAuthenticationSignatureBytes), smResponseBytes(in.activeAuthenticationSignatureBytes), 1);
    return t.floor;
}

} // namespace cccd::vcard
