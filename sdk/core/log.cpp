#include "core/log.hpp"

#include <algorithm>
#include <atomic>
#include <cctype>
#include <cstdlib>
#include <iostream>
#include <mutex>

namespace cccd {

namespace {
std::mutex sinkMutex;
LogSink currentSink;
std::atomic<LogLevel> currentLevel{LogLevel::Warn};
std::mutex environmentMutex;
std::atomic<bool> environmentRead{false};

const char* levelName(LogLevel level)
{
    switch (level) {
    case LogLevel::Debug: return "debug";
    case LogLevel::Info: return "info";
    case LogLevel::Warn: return "warning";
    case LogLevel::Error: return "error";
    case LogLevel::Off: break;
    }
    return "";
}

bool isAsciiDigit(char c) { return c >= '0' && c <= '9'; }

bool atOrAbove(LogLevel level) { return level != LogLevel::Off && level >= currentLevel.load(std::memory_order_relaxed); }

// Scrubs and hands the message to the sink, whatever the level.
void emit(LogLevel level, std::string_view message) noexcept
{
    try {
        std::string clean = log::scrubPii(message);
        std::lock_guard<std::mutex> lock(sinkMutex);
        if (currentSink) {
            currentSink(level, clean);
        } else {
            std::cerr << "cccd " << levelName(level) << ": " << clean << '\n';
        }
    } catch (...) { // a throwing sink or a failed allocation loses this message only
    }
}

// Caller holds environmentMutex.
void applyEnvironment()
{
    environmentRead = true;
    const char* value = std::getenv("CCCD_LOG");
    if (value == nullptr || *value == '\0') return;
    if (std::optional<LogLevel> level = log::levelNamed(value)) {
        currentLevel = *level;
    } else if (atOrAbove(LogLevel::Warn)) {
        emit(LogLevel::Warn, std::string("CCCD_LOG=") + value + " is not one of debug, info, warn, error, off: ignored");
    }
}

// The first message or level change reads CCCD_LOG; afterwards this is one atomic load.
void readEnvironmentOnce()
{
    if (environmentRead.load(std::memory_order_acquire)) return;
    std::lock_guard<std::mutex> lock(environmentMutex);
    if (!environmentRead) applyEnvironment();
}
} // namespace

void setLogSink(LogSink sink)
{
    std::lock_guard<std::mutex> lock(sinkMutex);
    currentSink = std::move(sink);
}

void setLogLevel(LogLevel level)
{
    readEnvironmentOnce(); // so that a later first message cannot undo this choice
    currentLevel = level;
}

void loadLogLevelFromEnvironment()
{
    std::lock_guard<std::mutex> lock(environmentMutex);
    applyEnvironment();
}

std::string maskId(std::string_view id)
{
    if (id.size() <= 6) return std::string(id.size(), '*');
    std::string out(id.substr(0, 4));
    out.append(id.size() - 6, '*');
    out.append(id.substr(id.size() - 2));
    return out;
}

std::string maskText(std::string_view text)
{
    std::string out;
    bool wordStart = true;
    for (std::size_t i = 0; i < text.size();) {
        auto c = static_cast<unsigned char>(text[i]);
        std::size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 1;
        len = std::min(len, text.size() - i);
        if (c == ' ' || c == ',' || c == '-') {
            out.push_back(static_cast<char>(c));
            wordStart = true;
        } else if (wordStart && !isAsciiDigit(static_cast<char>(c))) {
            out.append(text.substr(i, len));
            wordStart = false;
        } else {
            out.push_back('*');
            wordStart = false;
        }
        i += len;
    }
    return out;
}

namespace log {

bool enabled(LogLevel level)
{
    readEnvironmentOnce();
    return atOrAbove(level);
}

std::optional<LogLevel> levelNamed(std::string_view name)
{
    std::string lower(name);
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (lower == "debug") return LogLevel::Debug;
    if (lower == "info") return LogLevel::Info;
    if (lower == "warn" || lower == "warning") return LogLevel::Warn;
    if (lower == "error") return LogLevel::Error;
    if (lower == "off") return LogLevel::Off;
    return std::nullopt;
}

std::string scrubPii(std::string_view message)
{
    std::string out;
    out.reserve(message.size());
    std::size_t i = 0;
    while (i < message.size()) {
        if (!isAsciiDigit(message[i])) {
            out.push_back(message[i++]);
            continue;
        }
        std::size_t j = i;
        while (j < message.size() && isAsciiDigit(message[j])) ++j;
        std::string_view run = message.substr(i, j - i);
        out.append(run.size() >= 6 ? maskId(run) : std::string(run));
        i = j;
    }
    return out;
}

void write(LogLevel level, std::string_view message) noexcept
{
    if (enabled(level)) emit(level, message);
}

} // namespace log
} // namespace cccd
