#pragma once
// Reading family profiles (schema sheetgen/profile-v1) from YAML with every
// problem reported as file:line:column. Thread-safe: no shared state.
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.hpp"
#include "profile/profile.hpp"

namespace sheetgen {

// Profiles are a few KB; anything this big is not a profile.
inline constexpr size_t kMaxProfileBytes = 4 * 1024 * 1024;
// Deepest YAML nesting accepted (a profile needs 4).
inline constexpr int kMaxProfileDepth = 64;

struct ProfileResult {
    // Set only when no error was found (warnings allowed).
    std::optional<Profile> profile;
    // Every problem found in the file, in file order (line, column).
    std::vector<Diagnostic> diagnostics;
    // Where the `id` value is, for duplicate-id reports.
    SourceLocation id_at;

    bool ok() const;  // profile present and no Error diagnostics
};

// Columns are 1-based and count characters (code points), as editors show them.
ProfileResult parse_profile(std::string_view text, const std::string& file_name);
// Reads the file (unreadable, too large → diagnostic) and parses it.
ProfileResult load_profile_file(const std::string& path);

// Files are kept as given; directories are listed NON-recursively (*.yaml,
// *.yml, sorted by name), so samples/ does not pick up samples/invalid/.
// Missing or unlistable paths are appended to `problems`.
std::vector<std::string> expand_profile_paths(const std::vector<std::string>& paths,
                                              std::vector<Diagnostic>& problems);

// Ids become file names, so two profiles may not share one; compared
// case-insensitively because Windows and macOS file systems are.
class IdRegistry {
public:
    // Records the profile's id; when the id was already seen, returns an
    // error at `id_at` naming the first file.
    std::optional<Diagnostic> add(const std::string& id, const SourceLocation& id_at);
    std::optional<Diagnostic> add(const ProfileResult& r);

private:
    std::map<std::string, SourceLocation> seen_;  // lower-cased id -> first place
};

// The 町名 part of an address: text after 多摩市 (or the first 市/区/町/村) up
// to the first digit or 丁目; "" when none is found.
std::string district_from_address(const std::string& address);

// The file-name suffix of evacuation plans: DIR/<id>-ventilator-plan.pdf.
inline constexpr const char* kPlanFileSuffix = "-ventilator-plan";
// True when the id ends in a suffix reserved for document names (any case).
bool id_has_reserved_suffix(const std::string& id);
// True for [A-Za-z0-9_-]{1,64} that is not a Windows device name and does
// not end in a reserved suffix (kPlanFileSuffix).
bool is_valid_profile_id(const std::string& id);

}  // namespace sheetgen
