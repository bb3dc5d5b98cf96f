// Randomness that replays: the same draws on every run with one seed, so a first run can learn the secrets a
// session makes and a second run, the same session, can look for them in freed memory.
#pragma once

#include "freed_memory.hpp"

#include "crypto/crypto.hpp"

#include <random>

namespace cccd::test {

/** Each draw of 16 bytes or more (private keys, nonces, key material) is watched while learning. */
struct ReplayedRandom : crypto::Random {
    std::mt19937_64 engine;
    bool learning;
    ReplayedRandom(std::uint64_t seed, bool learn) : engine(seed), learning(learn) {}
    void fill(std::uint8_t* out, std::size_t size) override
    {
        for (std::size_t i = 0; i < size; ++i) out[i] = static_cast<std::uint8_t>(engine());
        if (learning && size >= 16) freed::watch("a random draw (key or nonce)", ByteView(out, size), true);
    }
};

} // namespace cccd::test
