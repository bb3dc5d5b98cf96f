// The virtual card's profile JSON (document fields, face path, chip options): only cccd::Error may come out.
#include "cccd/error.hpp"
#include "fuzz_target.hpp"
#include "profile.hpp"
#include "temp_file.hpp"

#include <fstream>
#include <iterator>

std::vector<std::vector<std::uint8_t>> cccd::fuzz::fuzzSeeds()
{
    std::ifstream in(CCCD_SOURCE_DIR "/drivers/vcard/profiles/nguyen-van-an.json", std::ios::binary);
    return {std::vector<std::uint8_t>(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>())};
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string path = cccd::fuzz::writeTempFile(data, size, "profile.json");
    try {
        (void)cccd::vcard::loadProfile(path);
    } catch (const cccd::Error&) {
    }
    return 0;
}
