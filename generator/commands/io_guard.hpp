#pragma once
// Checks, before any work, that no output of a run can destroy one of its
// inputs or another output of the same run: every output path is compared
// with every input (same device + inode, or the same resolved path) and with
// the other outputs, and must not be a symbolic link, device, FIFO or
// directory (outputs are published by rename, which would replace the link
// or device node itself). Refusals are UsageError (exit 2).
#include <set>
#include <string>
#include <utility>
#include <vector>

#include <sys/types.h>

namespace sheetgen {
struct HazardConfig;
}

namespace sheetgen::commands {

class IoGuard {
public:
    // An input file the run reads (`what`: "profile", "hazard config" ...).
    // Missing paths are ignored: their loader reports them.
    void add_input(const std::string& path, const std::string& what);
    // The hazard config, every layer source (and a shapefile's side files).
    void add_hazard_inputs(const std::string& config_path, const HazardConfig& config);
    // The profile files (kept by reference: `paths` must outlive the guard).
    // Costs one stat() and 24 bytes per profile.
    void add_profiles(const std::vector<std::string>& paths);
    // Frees the profile table once no output is left to check (flag).
    void forget_profiles();
    // A file output named by `option` (-o, --geojson ...). Throws UsageError.
    void add_output(const std::string& path, const std::string& option);
    // render's output directory: documents DIR/<id>.pdf. Throws UsageError
    // when DIR is an input file, or when an already added output (--bundle)
    // lies in DIR under a name a document could have.
    void add_document_directory(const std::string& dir, const std::string& option);
    // For a document path decided later (DIR/<id>.pdf): the input it would
    // replace ("profile /x/y.yaml"), or "" when it replaces none.
    std::string input_at(const std::string& path) const;

private:
    struct Entry {
        std::string resolved;  // absolute, symlinks in the directories resolved
        bool exists = false;
        dev_t dev = 0;
        ino_t ino = 0;
        std::string label;     // "profile x.yaml", "-o x.csv"
    };
    struct FileKey {
        dev_t dev;
        ino_t ino;
        size_t index;  // into *profiles_
        bool operator<(const FileKey& o) const { return dev != o.dev ? dev < o.dev : ino < o.ino; }
    };
    static Entry identify(const std::string& path, const std::string& label);
    static bool same(const Entry& a, const Entry& b);
    // The input an existing output is, or "" (label of the input).
    std::string matching_input(const Entry& e) const;
    std::vector<Entry> inputs_, outputs_;
    const std::vector<std::string>* profiles_ = nullptr;
    std::vector<FileKey> profile_keys_;  // sorted by (dev, ino)
    std::vector<std::pair<std::string, std::string>> document_dirs_;  // resolved dir, option
};

// True for names DIR/<id>.pdf could take: [A-Za-z0-9_-]{1,64}.pdf (the plan
// files <id>-ventilator-plan.pdf are of that form too).
bool document_shaped_name(const std::string& file_name);

}  // namespace sheetgen::commands
