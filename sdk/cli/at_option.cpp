#include "at_option.hpp"

namespace cccd::cli {

void addAtOption(CLI::App* cmd, std::shared_ptr<std::optional<std::time_t>> at)
{
    auto parse = [at](const std::string& text) {
        std::tm tm{};
        const char* end = strptime(text.c_str(), "%Y-%m-%d", &tm);
        if (!end || *end || text.size() != 10) throw CLI::ValidationError("--at", "'" + text + "' is not a date YYYY-MM-DD");
        tm.tm_hour = 12; // noon UTC: the same calendar day in Vietnam and in UTC
        *at = timegm(&tm);
    };
    cmd->add_option_function<std::string>("--at", parse, "Verify as of this day, YYYY-MM-DD (certificate validity, expiry)");
}

} // namespace cccd::cli
