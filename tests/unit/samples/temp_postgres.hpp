// A throwaway PostgreSQL server for one test (Debian's server, the newest installed, run as the postgres user): a
// cluster in a temp folder, listening on 127.0.0.1 at a free port, stopped (-m immediate) and removed at the end.
// Without the server or root the test is SKIPPED (exit 4), or FAILED with CCCD_REQUIRE_DATA=1.
#pragma once

#include "temp_folder.hpp"

#include <string>

namespace cccd::samples::test {

class TempPostgres {
public:
    TempPostgres();
    ~TempPostgres();
    TempPostgres(const TempPostgres&) = delete;
    TempPostgres& operator=(const TempPostgres&) = delete;

    /** What openDatabase takes: postgresql://postgres@127.0.0.1:PORT/cccd_test. */
    std::string uri() const;

private:
    void stop();

    cccd::test::TempFolder folder_{"cccd-pg"};
    std::string bin_;
    int port_ = 0;
    bool running_ = false;
};

} // namespace cccd::samples::test
