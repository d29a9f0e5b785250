#include "cli/data_dir.hpp"

#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <system_error>

namespace sheetgen::cli {

namespace fs = std::filesystem;

std::string choose_data_dir(const DataDirSources& s) {
    if (!s.env_dir.empty()) return s.env_dir;
    std::string installed;
    if (!s.exe_path.empty()) {
        std::error_code ec;
        const fs::path p = (fs::path(s.exe_path).parent_path() / s.exe_to_data).lexically_normal();
        installed = p.string();
        if (!installed.empty() && installed.back() == '/') installed.pop_back();
        if (fs::is_directory(p, ec)) return installed;
    }
    if (s.source_fallback && !s.source_dir.empty()) return s.source_dir;
    return installed.empty() ? s.exe_to_data : installed;
}

std::string data_dir() {
    DataDirSources s;
    if (const char* d = std::getenv("SHEETGEN_DATA_DIR")) s.env_dir = d;
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) s.exe_path = exe.string();
    s.exe_to_data = SHEETGEN_BIN_TO_DATA;
#ifdef SHEETGEN_SOURCE_DIR
    s.source_dir = SHEETGEN_SOURCE_DIR;
#endif
    const char* no_fallback = std::getenv("SHEETGEN_NO_SOURCE_FALLBACK");
    s.source_fallback = !(no_fallback && std::strcmp(no_fallback, "1") == 0);
    return choose_data_dir(s);
}

std::string data_path(const std::string& rel) { return data_dir() + "/" + rel; }

}  // namespace sheetgen::cli
