#include "core/log.hpp"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <string>
#include <vector>

using namespace cccd;

namespace {
LogLevel levelInForce()
{
    for (LogLevel level : {LogLevel::Debug, LogLevel::Info, LogLevel::Warn, LogLevel::Error}) {
        if (log::enabled(level)) return level;
    }
    return LogLevel::Off;
}

// Leaves CCCD_LOG unset and the defaults back for the next test.
struct RestoreLogDefaults {
    ~RestoreLogDefaults()
    {
        unsetenv("CCCD_LOG");
        setLogSink(nullptr);
        setLogLevel(LogLevel::Warn);
    }
};

LogLevel levelFrom(const char* value)
{
    setenv("CCCD_LOG", value, 1);
    loadLogLevelFromEnvironment();
    return levelInForce();
}
} // namespace

TEST_CASE("CCCD_LOG sets the level, setLogLevel overrides it")
{
    RestoreLogDefaults restore;
    CHECK(levelFrom("debug") == LogLevel::Debug);
    CHECK(levelFrom("info") == LogLevel::Info);
    CHECK(levelFrom("warn") == LogLevel::Warn);
    CHECK(levelFrom("error") == LogLevel::Error);
    CHECK(levelFrom("off") == LogLevel::Off);
    CHECK(levelFrom("DEBUG") == LogLevel::Debug);
    setLogLevel(LogLevel::Error);
    CHECK(levelInForce() == LogLevel::Error);
}

TEST_CASE("an unknown CCCD_LOG is reported and ignored, an empty or unset one changes nothing")
{
    RestoreLogDefaults restore;
    std::vector<std::string> seen;
    setLogSink([&seen](LogLevel, std::string_view m) { seen.emplace_back(m); });
    setLogLevel(LogLevel::Info);
    CHECK(levelFrom("verbose") == LogLevel::Info);
    REQUIRE(seen.size() == 1);
    CHECK(seen[0] == "CCCD_LOG=verbose is not one of debug, info, warn, error, off: ignored");
    CHECK(levelFrom("") == LogLevel::Info);
    unsetenv("CCCD_LOG");
    loadLogLevelFromEnvironment();
    CHECK(levelInForce() == LogLevel::Info);
}

TEST_CASE("messages are built only when their level is on, and a throwing sink loses only its message")
{
    RestoreLogDefaults restore;
    setLogLevel(LogLevel::Info);
    bool built = false;
    log::lazy(LogLevel::Debug, [&built] {
        built = true;
        return std::string("debug");
    });
    CHECK_FALSE(built);
    setLogSink([](LogLevel, std::string_view) { throw std::runtime_error("sink failed"); });
    CHECK_NOTHROW(log::info("lost"));
    CHECK_NOTHROW(log::lazy(LogLevel::Info, [] { return std::string("lost too"); }));
}
