#include "read_progress.hpp"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <iostream>

namespace cccd::cli {

namespace {
constexpr int barWidth = 30;
constexpr std::size_t nameWidth = 16; // "EF.CardSecurity" and a space

std::string kilobytes(std::size_t bytes)
{
    char text[16];
    std::snprintf(text, sizeof text, "%.1f", static_cast<double>(bytes) / 1024.0);
    return text;
}
} // namespace

TerminalProgress::TerminalProgress() = default;

TerminalProgress::~TerminalProgress()
{
    {
        std::lock_guard<std::mutex> lock(mutex_);
        stopping_ = true;
        endLine();
    }
    wake_.notify_all();
    if (ticker_.joinable()) ticker_.join();
}

void TerminalProgress::attach(ReadOptions& options)
{
    if (!::isatty(STDERR_FILENO)) return;
    options.onStage = [this](ReadStage s) { stage(s); };
    options.onProgress = [this](const ReadProgress& p) { progress(p); };
    ticker_ = std::thread([this] { tick(); });
}

void TerminalProgress::stage(ReadStage s)
{
    std::lock_guard<std::mutex> lock(mutex_);
    endLine();
    std::cerr << "  " << describe(s) << "...\n" << std::flush;
}

void TerminalProgress::progress(const ReadProgress& p)
{
    std::lock_guard<std::mutex> lock(mutex_);
    auto now = Clock::now();
    if (p.file != file_) { // its first block was read before this report: the speed counts from here
        endLine();
        file_ = p.file;
        done_ = p.done;
        fileStart_ = now;
    }
    if (p.done > done_) {
        bytesSeen_ += p.done - done_;
        double ms = readingMs_ + std::chrono::duration<double, std::milli>(now - fileStart_).count();
        if (ms > 0) bytesPerMs_ = static_cast<double>(bytesSeen_) / ms;
    }
    done_ = p.done;
    total_ = p.total;
    since_ = now;
    draw(done_);
    if (total_ > 0 && done_ >= total_) endLine();
}

// Every 100 ms, move the open bar by the bytes the link should have carried since the last report.
void TerminalProgress::tick()
{
    std::unique_lock<std::mutex> lock(mutex_);
    while (!stopping_) {
        wake_.wait_for(lock, std::chrono::milliseconds(100));
        if (stopping_ || file_.empty() || total_ == 0 || done_ >= total_ || bytesPerMs_ <= 0) continue;
        double ms = std::chrono::duration<double, std::milli>(Clock::now() - since_).count();
        std::size_t estimate = done_ + static_cast<std::size_t>(bytesPerMs_ * ms);
        draw(std::min(estimate, total_ - total_ / 50)); // never claims the end before it is there
    }
}

void TerminalProgress::draw(std::size_t shown)
{
    int filled = total_ ? static_cast<int>(barWidth * std::min(shown, total_) / total_) : 0;
    std::string name = file_.substr(0, nameWidth - 1);
    std::cerr << "\r  " << name << std::string(nameWidth - name.size(), ' ') << '[' << std::string(static_cast<std::size_t>(filled), '#')
              << std::string(static_cast<std::size_t>(barWidth - filled), ' ') << "] " << kilobytes(std::min(shown, total_)) << " / "
              << kilobytes(total_) << " KB   " << std::flush;
}

void TerminalProgress::endLine()
{
    if (file_.empty()) return;
    draw(done_);
    std::cerr << '\n';
    readingMs_ += std::chrono::duration<double, std::milli>(Clock::now() - fileStart_).count();
    file_.clear();
}

} // namespace cccd::cli
