#include "fuzz_target.hpp"

#include <cstdlib>
#include <fstream>
#include <iterator>

std::vector<std::uint8_t> cccd::fuzz::sharedFile(const std::string& relativePath)
{
    const char* env = std::getenv("CCCD_TEST_DATA");
    std::string root = env && *env ? env : CCCD_TEST_DATA_DEFAULT;
    std::ifstream in(root + "/" + relativePath, std::ios::binary);
    return std::vector<std::uint8_t>(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}
