// The agent's token lets any local program read cards: its file is made 0600, and an existing one that group or
// others may read, a link, a FIFO or a device is refused with a message saying what to do (never read, never waited on).
#include "cccd/error.hpp"
#include "service/token_file.hpp"
#include "temp_folder.hpp"

#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>

using namespace cccd;
namespace fs = std::filesystem;

namespace {
unsigned modeOf(const std::string& path)
{
    struct stat st {};
    REQUIRE(::lstat(path.c_str(), &st) == 0);
    return st.st_mode & 07777;
}

std::string refusal(const std::string& path)
{
    try {
        service::loadOrCreateToken(path);
    } catch (const Error& e) {
        CHECK(e.kind() == ErrorKind::InvalidArgument);
        return e.what();
    }
    FAIL("the token file " << path << " was accepted");
    return "";
}
} // namespace

TEST_CASE("a token file's missing folder is made 0700, and a short token of its own is replaced in place, still 0600")
{
    cccd::test::TempFolder work("cccd-token");
    const std::string path = work.path() + "/cccd/agent-token";
    std::string first = service::loadOrCreateToken(path);
    CHECK(modeOf(work.path() + "/cccd") == 0700);
    std::ofstream(path, std::ios::trunc) << "short\n";
    std::string second = service::loadOrCreateToken(path);
    CHECK(second.size() == 64);
    CHECK(second != first);
    CHECK(modeOf(path) == 0600);
    CHECK(service::loadOrCreateToken(path) == second);
}

TEST_CASE("a token file that group or others may read is refused with the chmod that fixes it, and left as it was")
{
    cccd::test::TempFolder work("cccd-token");
    const std::string path = work.path() + "/agent-token";
    const std::string token(64, 'a');
    std::ofstream(path) << token << '\n';
    for (unsigned mode : {0640u, 0604u, 0644u}) {
        REQUIRE(::chmod(path.c_str(), mode) == 0);
        std::string message = refusal(path);
        INFO(message);
        CHECK(message.find("may be read by other users: chmod 600 " + path) != std::string::npos);
    }
    std::string kept;
    std::getline(std::ifstream(path), kept);
    CHECK(kept == token);
    REQUIRE(::chmod(path.c_str(), 0600) == 0);
    CHECK(service::loadOrCreateToken(path) == token);
}

TEST_CASE("a token file that is a link, a FIFO, a folder or a device is refused at once")
{
    cccd::test::TempFolder work("cccd-token");
    const std::string target = work.path() + "/elsewhere", link = work.path() + "/link", fifo = work.path() + "/fifo";
    std::ofstream(target) << std::string(64, 'b') << '\n';
    REQUIRE(::chmod(target.c_str(), 0600) == 0);
    fs::create_symlink(target, link);
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    auto started = std::chrono::steady_clock::now();
    CHECK(refusal(link).find("is a symbolic link") != std::string::npos);
    CHECK(refusal(fifo).find("is a FIFO, not a regular file") != std::string::npos);
    CHECK(refusal(work.path()).find("is a folder, not a regular file") != std::string::npos);
    CHECK(refusal("/dev/zero").find("is a device, not a regular file") != std::string::npos);
    CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(2));
}
