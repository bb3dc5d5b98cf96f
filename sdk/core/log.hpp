// Internal logging entry points. Callers mask personal data with maskId/maskText before logging;
// scrubPii is the safety net applied to every message.
#pragma once

#include "cccd/log.hpp"

#include <string>
#include <string_view>

namespace cccd::log {

void write(LogLevel level, std::string_view message);
inline void debug(std::string_view m) { write(LogLevel::Debug, m); }
inline void info(std::string_view m) { write(LogLevel::Info, m); }
inline void warn(std::string_view m) { write(LogLevel::Warn, m); }
inline void error(std::string_view m) { write(LogLevel::Error, m); }

/** True if a message at this level would be written (to skip building expensive messages). */
bool enabled(LogLevel level);

/** Masks every run of 6 or more digits (ID numbers, CANs, dates of birth) with maskId. */
std::string scrubPii(std::string_view message);

} // namespace cccd::log
