// Protocol targets need the terminal's random values fixed, so a finding reproduces from its input alone.
#pragma once

#include "crypto/crypto.hpp"

#include <cstring>

namespace cccd::fuzz {

class FixedRandom : public crypto::Random {
public:
    void fill(std::uint8_t* out, std::size_t size) override { std::memset(out, 0x5A, size); }
};

} // namespace cccd::fuzz
