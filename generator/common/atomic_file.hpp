#pragma once
// Outputs are never half-written: write to a temporary file in the same
// directory, fsync it, then rename over the target.
#include <string>
#include <string_view>
#include <sys/types.h>

namespace sheetgen {

struct OutputOptions {
    // 0600 by default: outputs hold sensitive personal medical data.
    mode_t file_mode = 0600;
    mode_t dir_mode = 0700;
};

// Throws OutputError (with errno text) on any failure; the target is then
// untouched and the temporary file removed.
void write_file_atomic(const std::string& path, std::string_view bytes, const OutputOptions& opts = {});

// Creates the directory (and parents) with opts.dir_mode if missing.
void ensure_directory(const std::string& path, const OutputOptions& opts = {});

}  // namespace sheetgen
