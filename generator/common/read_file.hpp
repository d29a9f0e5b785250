#pragma once
// Reading an input file whole, but never more than a stated limit: a config,
// template, font or profile path may point at /dev/zero, a FIFO, a directory
// or a 1 GB file.
#include <cstddef>
#include <string>

namespace sheetgen {

// Throws InputError at {path} ("is a directory", "cannot open", "larger than
// N MiB/KiB; is this really a <what>?"). `what` names the kind of file.
std::string read_file_limited(const std::string& path, size_t max_bytes, const std::string& what);

// Why `path` cannot be read as a regular file (after following symbolic
// links), or "" when it can: "is a directory, not a <what>", "is a FIFO (named
// pipe), not a <what>: it cannot be read", a dangling link ... Never opens the
// path (a FIFO would block open() forever). `is_dir` is set for a directory.
std::string unreadable_reason(const std::string& path, const std::string& what, bool* is_dir = nullptr);

// A regular file read whole without throwing, for readers that report
// problems as diagnostics (profiles: a bad household is skipped, the rest go on).
struct FileBytes {
    std::string bytes;
    std::string problem;     // "" when read; else why not (unreadable_reason, I/O error)
    bool too_large = false;  // more than max_bytes (bytes then holds max_bytes + 1)
};
// Refuses anything but a regular file, without blocking on a FIFO or device:
// opened non-blocking and checked with fstat, then read from that descriptor.
FileBytes read_regular_file(const std::string& path, size_t max_bytes, const std::string& what);

}  // namespace sheetgen
