// The floor of a full read: the least time any reading strategy could take under the same chip and reader
// limits. It is the card's own link model (link_model.hpp) applied to the shortest exchange list
// a reader can send: EF.CardAccess, PACE-CAN (MSE:Set AT + 4 GENERAL AUTHENTICATE), SELECT of the eMRTD
// application, each file in as few READ BINARY as the chip's largest answer allows, Chip Authentication
// (MSE:Set AT + GENERAL AUTHENTICATE) and Active Authentication, each message at its least encoded size
// under AES secure messaging. Formula and constants: docs/benchmarks.md.
#pragma once

#include "link_model.hpp"

#include <cstddef>
#include <vector>

namespace cccd::vcard {

struct FloorInput {
    LinkModel link;
    bool extendedLength = true;           ///< the chip (and reader) take extended-length APDUs
    std::size_t cardAccessBytes = 0;      ///< read in the clear before PACE
    std::vector<std::size_t> fileBytes;   ///< files read under SM: DG1, DG13, SOD, DG14, DG15, DG2 (sizes with outer tag)
    std::size_t activeAuthenticationSignatureBytes = 64; ///< ECDSA P-256 r||s
    bool proveChip = true; ///< Chip and Active Authentication (false: the floor of the first data, DG1 + DG13)
};

struct Floor {
    double ms = 0;
    std::size_t apdus = 0;
    std::size_t bytes = 0; ///< both ways, APDUs only
};

Floor floorOf(const FloorInput& input);

/** Bytes of an AES secure-messaging command with plainData bytes of data asking for ne bytes (0: no Le). */
std::size_t smCommandBytes(std::size_t plainData, std::size_t ne);
/** Bytes of an AES secure-messaging response carrying plainData bytes, SW included. */
std::size_t smResponseBytes(std::size_t plainData);
/** The most plain bytes one protected READ BINARY answer can carry: short (Le ≤ 256) or extended. */
std::size_t largestPlainAnswer(bool extendedLength);

} // namespace cccd::vcard
