#include "core/log.hpp"

#include <algorithm>
#include <atomic>
#include <cctype>
#include <iostream>
#include <mutex>

namespace cccd {

namespace {
std::mutex sinkMutex;
LogSink currentSink;
std::atomic<LogLevel> currentLevel{LogLevel::Warn};

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
} // namespace

void setLogSink(LogSink sink)
{
    std::lock_guard<std::mutex> lock(sinkMutex);
    currentSink = std::move(sink);
}

void setLogLevel(LogLevel level) { currentLevel = level; }

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

bool enabled(LogLevel level) { return level != LogLevel::Off && level >= currentLevel.load(); }

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

void write(LogLevel level, std::string_view message)
{
    if (!enabled(level)) return;
    std::string clean = scrubPii(message);
    std::lock_guard<std::mutex> lock(sinkMutex);
    if (currentSink) {
        currentSink(level, clean);
    } else {
        std::cerr << "cccd " << levelName(level) << ": " << clean << '\n';
    }
}

} // namespace log
} // namespace cccd
