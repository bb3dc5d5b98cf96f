// A deterministic stand-in for libFuzzer: feeds each target its seed inputs and many mutations of
// them (bit flips, truncations, byte insertions, length-field edits), with a fixed PRNG seed so a
// failure reproduces. Seeds come from the target (fuzzSeeds) and from the files and folders (every file in them,
// e.g. tests/fuzz/corpus/<target>/) named on the command line.
#include "fuzz_target.hpp"

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <random>
#include <string>
#include <vector>

namespace {

using Input = std::vector<std::uint8_t>;

Input readFile(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    return Input(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

Input mutate(const Input& seed, std::mt19937& rng)
{
    Input out = seed;
    std::uniform_int_distribution<int> kind(0, 5);
    auto pick = [&rng](std::size_t n) { return n == 0 ? 0 : std::uniform_int_distribution<std::size_t>(0, n - 1)(rng); };
    int edits = 1 + static_cast<int>(pick(4));
    for (int e = 0; e < edits; ++e) {
        switch (kind(rng)) {
        case 0: if (!out.empty()) out[pick(out.size())] ^= static_cast<std::uint8_t>(1u << pick(8)); break;
        case 1: if (!out.empty()) out.resize(pick(out.size())); break;
        case 2: out.insert(out.begin() + static_cast<long>(pick(out.size() + 1)), static_cast<std::uint8_t>(rng())); break;
        case 3: if (!out.empty()) out[pick(out.size())] = static_cast<std::uint8_t>(rng()); break;
        case 4: // long-form length markers are where parsers go wrong
            if (!out.empty()) out[pick(out.size())] = static_cast<std::uint8_t>(0x80 | pick(6));
            break;
        default: if (!out.empty()) out.erase(out.begin() + static_cast<long>(pick(out.size()))); break;
        }
    }
    return out;
}

// A file, or every file of a folder in name order (a missing folder adds nothing: a target may have no seed files).
void addSeeds(const std::string& path, std::vector<Input>& seeds)
{
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) return;
    if (!std::filesystem::is_directory(path, ec)) {
        seeds.push_back(readFile(path));
        return;
    }
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(path)) {
        if (entry.is_regular_file()) files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    for (const auto& file : files) seeds.push_back(readFile(file.string()));
}

} // namespace

int main(int argc, char** argv)
{
    long iterations = 10000;
    std::vector<Input> seeds = cccd::fuzz::fuzzSeeds();
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--iterations") == 0 && i + 1 < argc) {
            iterations = std::atol(argv[++i]);
        } else {
            addSeeds(argv[i], seeds);
        }
    }
    seeds.push_back({});
    for (const Input& s : seeds) LLVMFuzzerTestOneInput(s.data(), s.size());

    std::mt19937 rng(20261124);
    for (long i = 0; i < iterations; ++i) {
        const Input& seed = seeds[static_cast<std::size_t>(i) % seeds.size()];
        Input input = mutate(seed, rng);
        LLVMFuzzerTestOneInput(input.data(), input.size());
    }
    std::cout << "fuzz: " << seeds.size() << " seeds, " << iterations << " mutated inputs, no crash\n";
    return 0;
}
