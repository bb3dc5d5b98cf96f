// libFuzzer builds only: a target's built-in seeds (fuzzSeeds) are written into the folder CCCD_FUZZ_SEED_DIR
// names, so a campaign starts from them as the ctest pass does (scripts/fuzz sets it to the campaign's corpus).
#include "fuzz_target.hpp"

#include <cstdlib>
#include <fstream>
#include <string>

extern "C" int LLVMFuzzerInitialize(int*, char***)
{
    const char* folder = std::getenv("CCCD_FUZZ_SEED_DIR");
    if (!folder || !*folder) return 0;
    int n = 0;
    for (const std::vector<std::uint8_t>& seed : cccd::fuzz::fuzzSeeds()) {
        if (seed.empty()) continue; // shared test data that is missing here
        std::ofstream(std::string(folder) + "/builtin-seed-" + std::to_string(n++), std::ios::binary)
            .write(reinterpret_cast<const char*>(seed.data()), static_cast<std::streamsize>(seed.size()));
    }
    return 0;
}
