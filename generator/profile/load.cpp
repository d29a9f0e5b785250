// Profile files: read through common/read_file (never blocking on a FIFO,
// never more than kMaxProfileBytes), and the directory listing of a run.
#include <algorithm>
#include <filesystem>

#include "common/read_file.hpp"
#include "profile/parse.hpp"

namespace sheetgen {

ProfileResult load_profile_file(const std::string& path) {
    ProfileResult r;
    FileBytes file = read_regular_file(path, kMaxProfileBytes, "profile file");
    if (!file.problem.empty()) {
        r.diagnostics.push_back(Diagnostic{{path, 0, 0}, file.problem});
        return r;
    }
    if (file.too_large) {
        std::error_code ec;
        auto size = std::filesystem::file_size(path, ec);
        r.diagnostics.push_back(Diagnostic{
            {path, 0, 0},
            "file too large (" + (ec ? std::string("over 4 MiB") : std::to_string(size) + " bytes") +
                "; the limit is 4 MiB and a profile is a few KB): is this the right file?"});
        return r;
    }
    return parse_profile(file.bytes, path);
}

std::vector<std::string> expand_profile_paths(const std::vector<std::string>& paths,
                                              std::vector<Diagnostic>& problems) {
    namespace fs = std::filesystem;
    std::vector<std::string> out;
    for (const auto& path : paths) {
        bool is_dir = false;
        std::string why = unreadable_reason(path, "profile file", &is_dir);
        if (!is_dir) {
            if (why.empty())
                out.push_back(path);
            else
                problems.push_back(Diagnostic{{path, 0, 0}, why});
            continue;
        }
        std::string prefix = path;
        if (prefix.back() != '/') prefix += '/';
        std::vector<std::pair<std::string, bool>> names;  // name, regular file
        std::error_code ec;
        fs::directory_iterator it(path, ec), end;
        if (ec) {
            problems.push_back(Diagnostic{{path, 0, 0}, "cannot list the directory: " + ec.message()});
            continue;
        }
        for (; it != end; it.increment(ec)) {
            if (ec) break;
            std::string name = it->path().filename().string();
            auto ends_with = [&](const std::string& suf) {
                return name.size() > suf.size() && name.compare(name.size() - suf.size(), suf.size(), suf) == 0;
            };
            if (!ends_with(".yaml") && !ends_with(".yml")) continue;
            // The entry's type comes with the listing (no extra stat for a
            // plain file); anything else is looked at closely below.
            std::error_code ec2;
            const bool regular = it->is_regular_file(ec2) && !ec2;
            names.emplace_back(name, regular);
        }
        if (ec) {
            problems.push_back(Diagnostic{{path, 0, 0}, "cannot list the directory: " + ec.message()});
            continue;
        }
        std::sort(names.begin(), names.end());
        for (const auto& [n, regular] : names) {
            // Every *.yaml entry is a household someone meant to include: one
            // that cannot be read is reported, never skipped silently.
            std::string entry_why = regular ? "" : unreadable_reason(prefix + n, "profile file");
            if (!entry_why.empty()) {
                problems.push_back(Diagnostic{{prefix + n, 0, 0}, entry_why});
                continue;
            }
            out.push_back(prefix + n);
        }
        if (names.empty())
            problems.push_back(Diagnostic{{path, 0, 0}, "no profiles (*.yaml, *.yml) in this directory"});
    }
    return out;
}

}  // namespace sheetgen
