#include "temp_postgres.hpp"

#include "support_failure.hpp"
#include "tcp_port.hpp"

#include <pwd.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <vector>

namespace cccd::samples::test {
namespace {

// The bin folder of the newest PostgreSQL server installed, or "".
std::string serverBin()
{
    std::vector<std::filesystem::path> found;
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator("/usr/lib/postgresql", ec)) {
        if (std::filesystem::exists(entry.path() / "bin/initdb")) found.push_back(entry.path() / "bin");
    }
    auto byVersion = [](const auto& a, const auto& b) {
        return std::atoi(a.parent_path().filename().c_str()) < std::atoi(b.parent_path().filename().c_str());
    };
    return found.empty() ? "" : std::max_element(found.begin(), found.end(), byVersion)->string();
}

} // namespace

TempPostgres::TempPostgres() : bin_(serverBin())
{
    const passwd* user = ::getpwnam("postgres");
    if (bin_.empty()) cccd::test::skipOrFail("PostgreSQL server missing: /usr/lib/postgresql/*/bin/initdb (Debian postgresql)");
    if (!user || ::geteuid() != 0) cccd::test::skipOrFail("PostgreSQL runs as the postgres user: needs root and that user");
    if (::chown(folder_.path().c_str(), user->pw_uid, user->pw_gid) != 0) cccd::test::supportFailure("cannot hand " + folder_.path() + " to postgres");
    port_ = cccd::test::freeTcpPort();
    const std::string dir = folder_.path();
    auto asPostgres = [&](const std::string& command) {
        std::string line = "cd " + dir + " && runuser -u postgres -- env LC_ALL=C.UTF-8 " + bin_ + "/" + command + " >>" + dir + "/setup.log 2>&1";
        if (std::system(line.c_str()) != 0) cccd::test::supportFailure("PostgreSQL did not start (" + dir + "/setup.log): " + command);
    };
    asPostgres("initdb -D " + dir + "/data -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync");
    running_ = true;
    try {
    // Durability is not wanted from a cluster that lives for one test.
        asPostgres("pg_ctl -D " + dir + "/data -l " + dir + "/server.log -w -t 60 -o '-c listen_addresses=127.0.0.1 -p " +
                   std::to_string(port_) + " -k " + dir + " -c fsync=off -c synchronous_commit=off -c full_page_writes=off' start");
        asPostgres("createdb -h " + dir + " -p " + std::to_string(port_) + " -U postgres cccd_test");
    } catch (...) { // no destructor runs for a half-made object: stop the server before its folder goes
        stop();
        throw;
    }
}

TempPostgres::~TempPostgres() { stop(); }

void TempPostgres::stop()
{
    if (!running_) return;
    running_ = false;
    std::string command = "runuser -u postgres -- " + bin_ + "/pg_ctl -D " + folder_.path() + "/data stop -m immediate >/dev/null 2>&1";
    (void)std::system(command.c_str());
}

std::string TempPostgres::uri() const
{
    return "postgresql://postgres@127.0.0.1:" + std::to_string(port_) + "/cccd_test";
}

} // namespace cccd::samples::test
