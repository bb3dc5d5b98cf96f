// Diagnostic logging. The SDK never writes personal data to the log: ID numbers, names, addresses,
// religion, ethnicity and images are masked before a message is formed, and every message passes a
// last scrub that masks long digit runs. By default messages at Warn and above go to stderr.
#pragma once

#include <functional>
#include <string>
#include <string_view>

namespace cccd {

enum class LogLevel { Debug = 0, Info = 1, Warn = 2, Error = 3, Off = 4 };

/** Receives every message at or above the level; called from the thread that logged. */
using LogSink = std::function<void(LogLevel, std::string_view message)>;

/** Replaces the sink (nullptr restores stderr). Thread-safe. */
void setLogSink(LogSink sink);
/** Messages below this level are dropped. Thread-safe. */
void setLogLevel(LogLevel level);

/** "001090123456" -> "0010******56": keeps the first 4 and last 2 characters of an identifier. */
std::string maskId(std::string_view id);
/** "Nguyễn Văn An" -> "N***** V** A*": keeps the first letter of each word. For names and addresses. */
std::string maskText(std::string_view text);

} // namespace cccd
