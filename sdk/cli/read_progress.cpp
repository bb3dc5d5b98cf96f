#include "read_progress.hpp"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <iostream>

namespace cccd::cli {

namespace {
constexpr int barWidth = 30;
constexpr std::size_t nameWidth = 16;     // "EF.CardSecurity" and a space
constexpr std::size_t minimumBlock = 512; // smaller blocks measure the per-exchange overhead, not the link

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
    lastEvent_ = Clock::now();
    std::cerr << "  " << describe(s) << "...\n" << std::flush;
}

void TerminalProgress::progress(const ReadProgress& p)
{
    std::lock_guard<std::mutex> lock(mutex_);
    auto now = Clock::now();
    if (p.file != file_) {
        endLine();
        file_ = p.file;
        done_ = 0;
    }
    // One report per block: the bytes of a large block over the time since the previous report give the speed.
    std::size_t block = p.done > done_ ? p.done - done_ : 0;
    double ms = std::chrono::duration<double, std::milli>(now - lastEvent_).count();
    if (block >= minimumBlock && ms > 0) bytesPerMs_ = std::max(bytesPerMs_, static_cast<double>(block) / ms);
    lastEvent_ = now;
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
    shown_ = shown;
    int filled = total_ ? static_cast<int>(barWidth * std::min(shown, total_) / total_) : 0;
    std::string name = file_.substr(0, nameWidth - 1);
    std::cerr << "\r  " << name << std::string(nameWidth - name.size(), ' ') << '[' << std::string(static_cast<std::size_t>(filled), '#')
              << std::string(static_cast<std::size_t>(barWidth - filled), ' ') << "] " << kilobytes(std::min(shown, total_)) << " / "
              << kilobytes(total_) << " KB   " << std::flush;
}

void TerminalProgress::endLine()
{
    if (file_.empty()) return;
    if (shown_ != done_) draw(done_); // the ticker ran ahead: land on the real count
    std::cerr << '\n';
    file_.clear();
}

} // namespace cccd::cli
