// Time stamps as the samples store them: UTC instants in ISO 8601, and the counter's local calendar day (queue
// numbers and attendance restart each local day).
#pragma once

#include <string>

namespace cccd::samples {

/** Now in UTC, "2026-11-30T01:23:45Z". */
std::string utcTimestamp();
/** Today in the server's local time zone, "2026-11-30". */
std::string localDate();

} // namespace cccd::samples
