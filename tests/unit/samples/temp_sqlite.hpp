// A SQLite database file for one test: in the temp folder, unique to the process and the tag, absent at the start,
// removed with its WAL files at the end. Declare it before the Database that uses it, so the database closes first.
#pragma once

#include <atomic>
#include <filesystem>
#include <string>
#include <unistd.h>

namespace cccd::samples::test {

class TempSqliteFile {
public:
    explicit TempSqliteFile(const std::string& tag)
    {
        static std::atomic<int> counter{0};
        path_ = std::filesystem::temp_directory_path() /
                ("cccd-" + tag + "-" + std::to_string(getpid()) + "-" + std::to_string(counter++) + ".sqlite");
        removeFiles();
    }
    ~TempSqliteFile() { removeFiles(); }
    TempSqliteFile(const TempSqliteFile&) = delete;
    TempSqliteFile& operator=(const TempSqliteFile&) = delete;

    const std::filesystem::path& path() const { return path_; }
    /** What openDatabase takes. */
    std::string spec() const { return path_.string(); }

private:
    void removeFiles() const
    {
        for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path_.string() + suffix);
    }
    std::filesystem::path path_;
};

} // namespace cccd::samples::test
