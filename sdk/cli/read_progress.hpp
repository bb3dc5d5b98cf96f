// What `cccd read` shows on a terminal from the tap on: each stage (waiting, connecting, PACE, …) and a bar per
// file, aligned. A file read in one long exchange (the face with extended length) still moves: the bar advances
// with the time the bytes should take at the speed seen so far, and lands on the real count when it arrives.
// Nothing is shown when stderr is not a terminal.
#pragma once

#include "cccd/card_reader.hpp"

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

namespace cccd::cli {

class TerminalProgress {
public:
    TerminalProgress();
    ~TerminalProgress();
    TerminalProgress(const TerminalProgress&) = delete;
    TerminalProgress& operator=(const TerminalProgress&) = delete;

    /** Wires the callbacks into options (nothing when stderr is not a terminal). */
    void attach(ReadOptions& options);

private:
    using Clock = std::chrono::steady_clock;
    void stage(ReadStage stage);
    void progress(const ReadProgress& p);
    void tick();
    void draw(std::size_t shown); // with mutex_ held
    void endLine();               // with mutex_ held

    std::mutex mutex_;
    std::condition_variable wake_;
    bool stopping_ = false;
    std::thread ticker_;
    std::string file_;            // the file whose bar is open, or empty
    std::size_t done_ = 0, total_ = 0, shown_ = 0;
    Clock::time_point since_;     // when done_ was reported
    Clock::time_point lastEvent_ = Clock::now(); // the previous stage or progress report
    double bytesPerMs_ = 0;       // the fastest large block so far: the link's speed, not its per-exchange overhead
};

} // namespace cccd::cli
