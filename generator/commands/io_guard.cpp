#include "commands/io_guard.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <sys/stat.h>

#include "commands/command_io.hpp"
#include "common/atomic_file.hpp"
#include "common/error.hpp"
#include "hazard/config.hpp"
#include "hazard/source_check.hpp"

namespace sheetgen::commands {

namespace fs = std::filesystem;

namespace {
std::string base_name(const std::string& path) {
    auto slash = path.find_last_of('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

bool ends_with(const std::string& s, const std::string& suffix) {
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}
}  // namespace

bool document_shaped_name(const std::string& name) {
    if (!ends_with(name, ".pdf") && !ends_with(name, ".PDF")) return false;
    std::string stem = name.substr(0, name.size() - 4);
    if (stem.empty() || stem.size() > 64) return false;
    for (char c : stem)
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_') return false;
    return true;
}

IoGuard::Entry IoGuard::identify(const std::string& path, const std::string& label) {
    Entry e;
    e.label = label;
    std::error_code ec;
    // weakly_canonical resolves what exists (the directories, and the file
    // itself when it is a link) and normalises the rest lexically.
    fs::path p = fs::weakly_canonical(fs::absolute(path, ec), ec);
    e.resolved = ec ? path : p.string();
    struct stat st {};
    if (::stat(path.c_str(), &st) == 0) {
        e.exists = true;
        e.dev = st.st_dev;
        e.ino = st.st_ino;
    }
    return e;
}

bool IoGuard::same(const Entry& a, const Entry& b) {
    if (a.exists && b.exists) return a.dev == b.dev && a.ino == b.ino;
    return a.resolved == b.resolved;
}

void IoGuard::add_input(const std::string& path, const std::string& what) {
    Entry e = identify(path, what + " " + path);
    if (e.exists) inputs_.push_back(std::move(e));
}

void IoGuard::add_profiles(const std::vector<std::string>& paths) {
    profiles_ = &paths;
    profile_keys_.clear();
    profile_keys_.reserve(paths.size());
    for (size_t i = 0; i < paths.size(); ++i) {
        struct stat st {};
        if (::stat(paths[i].c_str(), &st) == 0) profile_keys_.push_back(FileKey{st.st_dev, st.st_ino, i});
    }
    std::sort(profile_keys_.begin(), profile_keys_.end());
}

void IoGuard::forget_profiles() {
    profile_keys_.clear();
    profile_keys_.shrink_to_fit();
    profiles_ = nullptr;
}

std::string IoGuard::matching_input(const Entry& e) const {
    for (const auto& in : inputs_)
        if (same(e, in)) return in.label;
    // Inputs exist, so only an existing output can be one of them.
    if (e.exists && profiles_) {
        auto it = std::lower_bound(profile_keys_.begin(), profile_keys_.end(), FileKey{e.dev, e.ino, 0});
        if (it != profile_keys_.end() && it->dev == e.dev && it->ino == e.ino) return "profile " + (*profiles_)[it->index];
    }
    return "";
}

void IoGuard::add_hazard_inputs(const std::string& config_path, const HazardConfig& config) {
    add_input(config_path, "hazard config");
    for (const auto& l : config.layers) {
        const std::string& src = l.resolved_source;
        if (!is_file_source(src)) continue;  // PG:..., WFS:..., /vsicurl/: no file to guard
        add_input(src, "layer source of '" + l.name + "'");
        if (ends_with(src, ".shp") || ends_with(src, ".SHP")) {
            const std::string stem = src.substr(0, src.size() - 4);
            for (const char* ext : {".shx", ".dbf", ".prj", ".cpg", ".qix", ".sbn", ".sbx", ".SHX", ".DBF", ".PRJ",
                                    ".CPG"})
                add_input(stem + ext, "layer source of '" + l.name + "'");
        }
    }
}

void IoGuard::add_output(const std::string& path, const std::string& option) {
    try {
        check_replaceable(path);
    } catch (const OutputError& e) {
        throw UsageError(option + " " + e.what());
    }
    Entry e = identify(path, option + " " + path);
    if (std::string in = matching_input(e); !in.empty())
        throw UsageError(option + " " + path + " is an input of this run (" + in +
                         "): it would be destroyed; write the output somewhere else");
    for (const auto& out : outputs_)
        if (same(e, out))
            throw UsageError(option + " " + path + " names the same file as " + out.label +
                             ": one would replace the other; give each output its own file");
    for (const auto& [dir, opt] : document_dirs_) {
        if (e.resolved == dir)
            throw UsageError(option + " " + path + " is the output directory of " + opt);
        if (fs::path(e.resolved).parent_path().string() == dir && document_shaped_name(base_name(e.resolved)))
            throw UsageError(option + " " + path + " lies in the " + opt +
                             " directory under a name a household's document can have (<id>.pdf) and could be "
                             "replaced by it, or replace it; put it outside that directory or give it a name "
                             "no id can take (e.g. with a dot: all.sheets.pdf)");
    }
    outputs_.push_back(std::move(e));
}

void IoGuard::add_document_directory(const std::string& dir, const std::string& option) {
    Entry d = identify(dir, option + " " + dir);
    if (std::string in = matching_input(d); !in.empty())
        throw UsageError(option + " " + dir + " is an input of this run (" + in + ")");
    // Outputs added before: none may be replaced by a document.
    for (const auto& out : outputs_) {
        if (out.resolved == d.resolved)
            throw UsageError(out.label + " is the output directory of " + option);
        if (fs::path(out.resolved).parent_path().string() == d.resolved && document_shaped_name(base_name(out.resolved)))
            throw UsageError(out.label + " lies in the " + option +
                             " directory under a name a household's document can have (<id>.pdf) and could be "
                             "replaced by it, or replace it; put it outside that directory or give it a name no id "
                             "can take (e.g. with a dot: all.sheets.pdf)");
    }
    document_dirs_.emplace_back(d.resolved, option);
}

std::string IoGuard::input_at(const std::string& path) const {
    // Cheap for the usual case, a document that does not exist yet.
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) return "";
    return matching_input(identify(path, ""));
}

}  // namespace sheetgen::commands
