#include "dump_folder.hpp"

#include "cccd/error.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>

namespace cccd::cli {

namespace fs = std::filesystem;

namespace {
[[noreturn]] void refuse(const std::string& message) { throw Error(ErrorKind::InvalidArgument, "--out: " + message); }

// What a dump holds: --force removes these and nothing else, so a mistyped --out cannot wipe a home folder.
bool isDumpFile(const fs::path& p)
{
    std::string name = p.filename().string();
    return p.extension() == ".bin" || name == "face.jpg" || name == "face.jp2" || name == "report.json";
}

void writePrivate(const fs::path& path, const std::vector<std::uint8_t>& bytes)
{
    // O_EXCL | O_NOFOLLOW: the folder was empty, so a file or link found here was planted; 0600 whatever the umask.
    int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    bool ok = fd >= 0;
    for (std::size_t done = 0; ok && done < bytes.size();) {
        ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        ok = n > 0;
        if (ok) done += static_cast<std::size_t>(n);
    }
    ok = fd >= 0 && ::close(fd) == 0 && ok;
    if (!ok) throw Error(ErrorKind::InvalidArgument, "--out: cannot write " + path.string());
}
} // namespace

void prepareDumpFolder(const std::string& dir, bool force)
{
    std::error_code ec;
    fs::path folder(dir);
    if (fs::exists(folder, ec) && !fs::is_directory(folder, ec)) refuse(dir + " is a file, not a folder");
    if (!fs::exists(folder, ec)) {
        fs::create_directories(folder, ec);
        if (ec) refuse("cannot create " + dir + ": " + ec.message());
    }
    // Also a folder that was there: another local user must not list or open what goes into it.
    fs::permissions(folder, fs::perms::owner_all, fs::perm_options::replace, ec);
    if (ec) refuse("cannot make " + dir + " private (0700): " + ec.message());
    if (force) {
        for (const auto& entry : fs::directory_iterator(folder, ec)) {
            if (entry.is_regular_file() && isDumpFile(entry.path())) fs::remove(entry.path(), ec);
        }
    }
    if (!fs::is_empty(folder, ec)) {
        refuse(dir + " is not empty: each card goes into a new folder (or --force to replace a previous dump there)");
    }
    if (::access(folder.c_str(), W_OK | X_OK) != 0) refuse("cannot write into " + dir);
}

void writeDump(const std::string& dir, const ReadResult& r, const nlohmann::json& report)
{
    fs::path folder(dir);
    for (const auto& [name, content] : r.files) writePrivate(folder / (name + ".bin"), content);
    if (r.face) writePrivate(folder / (r.face->format == "JPEG" ? "face.jpg" : "face.jp2"), r.face->data);
    std::string text = report.dump(2) + "\n";
    writePrivate(folder / "report.json", std::vector<std::uint8_t>(text.begin(), text.end()));
}

} // namespace cccd::cli
