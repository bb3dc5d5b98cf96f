// Internal logging entry points. Callers mask personal data with maskId/maskText before logging;
// scrubPii is the safety net applied to every message.
#pragma once

#include "cccd/log.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace cccd::log {

/** Never throws: a failing sink or allocation loses the message, not the read. */
void write(LogLevel level, std::string_view message) noexcept;
inline void debug(std::string_view m) noexcept { write(LogLevel::Debug, m); }
inline void info(std::string_view m) noexcept { write(LogLevel::Info, m); }
inline void warn(std::string_view m) noexcept { write(LogLevel::Warn, m); }
inline void error(std::string_view m) noexcept { write(LogLevel::Error, m); }

/** True if a message at this level would be written (to skip building expensive messages). */
bool enabled(LogLevel level);

/** Writes build() only when the level is on, so a disabled level costs no string building. Never throws. */
template <typename Build>
void lazy(LogLevel level, Build&& build) noexcept
{
    if (!enabled(level)) return;
    try {
        write(level, build());
    } catch (...) { // forming the message failed: drop it, never the caller's work
    }
}

/** "debug", "info", "warn" (or "warning"), "error", "off", any case; nullopt for anything else. */
std::optional<LogLevel> levelNamed(std::string_view name);

/** Masks every run of 6 or more digits (ID numbers, CANs, dates of birth) with maskId. */
std::string scrubPii(std::string_view message);

} // namespace cccd::log
