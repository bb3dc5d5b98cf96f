// What every fuzz target provides: the libFuzzer entry point and its built-in seed inputs.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace cccd::fuzz {

/** Seed inputs of this target (valid examples the mutations start from). */
std::vector<std::vector<std::uint8_t>> fuzzSeeds();

/** Contents of a file under the shared test data folder, or empty if it is missing. */
std::vector<std::uint8_t> sharedFile(const std::string& relativePath);

} // namespace cccd::fuzz
