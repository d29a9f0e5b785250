#include "commands/progress.hpp"

#include <cstdio>
#include <ostream>

namespace sheetgen::commands {

Progress::Progress(std::ostream& err, bool enabled, size_t total, std::string what)
    : err_(err), enabled_(enabled && total > 0), total_(total), what_(std::move(what)),
      start_(std::chrono::steady_clock::now()), last_draw_(start_) {}

Progress::~Progress() { finish(); }

void Progress::update(size_t done) {
    if (!enabled_) return;
    auto now = std::chrono::steady_clock::now();
    if (done < total_ && now - last_draw_ < std::chrono::milliseconds(100)) return;
    last_draw_ = now;
    double secs = std::chrono::duration<double>(now - start_).count();
    double rate = secs > 0 ? done / secs : 0;
    double eta = rate > 0 ? (total_ - done) / rate : 0;
    constexpr int kWidth = 30;
    int filled = static_cast<int>(kWidth * static_cast<double>(done) / static_cast<double>(total_));
    std::string bar(filled, '#');
    bar.resize(kWidth, '-');
    char line[256];
    std::snprintf(line, sizeof line, "\r%s [%s] %zu/%zu  %.0f/s  ETA %dm%02ds ", what_.c_str(), bar.c_str(), done,
                  total_, rate, static_cast<int>(eta) / 60, static_cast<int>(eta) % 60);
    err_ << line << std::flush;
    drawn_ = true;
}

void Progress::finish() {
    if (drawn_) {
        err_ << "\r\033[K" << std::flush;
        drawn_ = false;
    }
}

}  // namespace sheetgen::commands
