#include "temp_file.hpp"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

namespace cccd::fuzz {

namespace {
std::string processFolder()
{
    std::filesystem::path base = std::filesystem::exists("/dev/shm") ? "/dev/shm" : std::filesystem::temp_directory_path();
    std::filesystem::path folder = base / ("cccd-fuzz-" + std::to_string(getpid()));
    std::filesystem::create_directories(folder);
    return folder.string();
}
} // namespace

std::string writeTempFile(const std::uint8_t* data, std::size_t size, const std::string& name)
{
    static const std::string folder = processFolder();
    static const bool cleanup = std::atexit([] { std::filesystem::remove_all(folder); }) == 0;
    (void)cleanup;
    std::string path = folder + "/" + name;
    std::ofstream(path, std::ios::binary | std::ios::trunc).write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    return path;
}

} // namespace cccd::fuzz
