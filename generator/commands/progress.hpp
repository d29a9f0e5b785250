#pragma once
// A one-line progress bar on stderr (count, rate, ETA) for long runs; silent
// when stderr is not a terminal or with --quiet.
#include <chrono>
#include <iosfwd>
#include <string>

namespace sheetgen::commands {

class Progress {
public:
    Progress(std::ostream& err, bool enabled, size_t total, std::string what);
    ~Progress();
    void update(size_t done);  // redraws at most ~10 times a second
    void finish();             // clears the line

private:
    std::ostream& err_;
    bool enabled_;
    size_t total_;
    std::string what_;
    std::chrono::steady_clock::time_point start_, last_draw_;
    bool drawn_ = false;
};

}  // namespace sheetgen::commands
