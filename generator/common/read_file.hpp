#pragma once
// Reading an input file whole, but never more than a stated limit: a config,
// template or font path may point at /dev/zero, a directory or a 1 GB file.
#include <cstddef>
#include <string>

namespace sheetgen {

// Throws InputError at {path} ("is a directory", "cannot open", "larger than
// N MiB/KiB; is this really a <what>?"). `what` names the kind of file.
std::string read_file_limited(const std::string& path, size_t max_bytes, const std::string& what);

}  // namespace sheetgen
