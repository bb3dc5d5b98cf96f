// Splitting one fuzz input into the several pieces a protocol run needs (a chip's answers, a file and a
// signature ...): each piece is a 2-byte big-endian length and that many bytes, so a seed can be written by hand
// and libFuzzer's mutations of one length or one answer stay local.
#pragma once

#include "core/bytes.hpp"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace cccd::fuzz {

class FuzzInput {
public:
    FuzzInput(const std::uint8_t* data, std::size_t size) : data_(data), size_(size) {}

    bool empty() const noexcept { return pos_ >= size_; }
    /** The next piece; a length past the end gives what is left. */
    Bytes piece();

private:
    const std::uint8_t* data_;
    std::size_t size_;
    std::size_t pos_ = 0;
};

/** The inverse of FuzzInput, for writing seeds: each piece with its 2-byte length. */
Bytes joinPieces(const std::vector<Bytes>& pieces);

/** A seed of a target whose first byte picks a variant (an algorithm, a channel kind) before its pieces. */
Bytes withSelector(std::uint8_t selector, const std::vector<Bytes>& pieces);

/** Concatenation, for writing answers (data then status word). */
Bytes concat(const Bytes& a, const Bytes& b);

} // namespace cccd::fuzz
