#include "common/clock.hpp"

#include <ctime>

namespace cccd::samples {
namespace {

std::string format(const char* pattern, bool utc)
{
    std::time_t now = std::time(nullptr);
    std::tm parts{};
    if (utc) {
        gmtime_r(&now, &parts);
    } else {
        localtime_r(&now, &parts);
    }
    char text[32];
    std::strftime(text, sizeof text, pattern, &parts);
    return text;
}

} // namespace

std::string utcTimestamp()
{
    return format("%Y-%m-%dT%H:%M:%SZ", true);
}

std::string localDate()
{
    return format("%Y-%m-%d", false);
}

} // namespace cccd::samples
