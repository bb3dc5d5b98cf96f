// Diagnostic logging. The SDK never writes personal data to the log: ID numbers, names, addresses,
// religion, ethnicity and images are masked before a message is formed, and every message passes a
// last scrub that masks long digit runs. By default messages at Warn and above go to stderr.
//
// The level comes from the environment variable CCCD_LOG (debug, info, warn, error or off), read once
// before the SDK's first message or level change; setLogLevel overrides it. Info adds the reader, its
// protocol and limits and each read's summary. Debug adds the APDU trace: one line per command and
// response at the reader ("pcsc:") and, inside secure messaging, the plain command it protected ("sm:"),
// with the header, Lc, Le, response length, status word and time — never a data byte (only the file
// identifiers of SELECT are shown). Tools map a --verbose flag to setLogLevel(LogLevel::Debug).
#pragma once

#include <functional>
#include <string>
#include <string_view>

namespace cccd {

enum class LogLevel { Debug = 0, Info = 1, Warn = 2, Error = 3, Off = 4 };

/** Receives every message at or above the level; called from the thread that logged. A sink that throws
 *  loses that message: logging never changes the outcome of a read. */
using LogSink = std::function<void(LogLevel, std::string_view message)>;

/** Replaces the sink (nullptr restores stderr). Thread-safe. */
void setLogSink(LogSink sink);
/** Messages below this level are dropped; Debug turns on the APDU trace. Wins over CCCD_LOG. Thread-safe. */
void setLogLevel(LogLevel level);
/** Sets the level from CCCD_LOG again (after the environment changed); unset or empty leaves the level
 *  as it is, an unknown value is reported with a warning and ignored. */
void loadLogLevelFromEnvironment();

/** "001090123456" -> "0010******56": keeps the first 4 and last 2 characters of an identifier. */
std::string maskId(std::string_view id);
/** "Nguyễn Văn An" -> "N***** V** A*": keeps the first letter of each word. For names and addresses. */
std::string maskText(std::string_view text);

} // namespace cccd
