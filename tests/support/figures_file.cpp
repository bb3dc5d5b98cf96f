#include "figures_file.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace cccd::test {

void recordFigureRow(const std::string& file, const std::vector<std::string>& header, const std::string& key, const std::string& row)
{
#if defined(__SANITIZE_ADDRESS__)
    (void)file, (void)header, (void)key, (void)row;
#else
    const std::string folder = std::string(CCCD_SOURCE_DIR) + "/docs/security-figures";
    std::filesystem::create_directories(folder);
    const std::string path = folder + "/" + file;
    const std::string lockPath = "/tmp/cccd-figures-" + file + ".lock"; // never removed: removing a lock file breaks the lock
    int lock = ::open(lockPath.c_str(), O_CREAT | O_RDWR, 0644);
    ::flock(lock, LOCK_EX); // parallel test processes write rows of the same file
    std::vector<std::string> lines;
    bool replaced = false; // in place, so the rows keep their order from run to run
    std::ifstream in(path);
    for (std::string line; std::getline(in, line);) {
        const bool ours = line.rfind("| " + key + " |", 0) == 0;
        lines.push_back(ours ? row : line);
        replaced = replaced || ours;
    }
    if (lines.empty()) lines = header;
    if (!replaced) lines.push_back(row);
    std::ofstream out(path);
    for (const std::string& line : lines) out << line << '\n';
    out.close();
    ::close(lock);
#endif
}

std::string twoDecimals(double value)
{
    std::ostringstream o;
    o.precision(2);
    o << std::fixed << value;
    return o.str();
}

} // namespace cccd::test
