// parse_profile: byte-level checks and the YAML tree (common/yaml_document),
// then the profile schema (read_profile.cpp, read_lists.cpp).
#include "profile/parse.hpp"

#include <algorithm>

#include "common/yaml_document.hpp"
#include "profile/read_profile.hpp"

namespace sheetgen {

bool ProfileResult::ok() const {
    if (!profile) return false;
    for (const auto& d : diagnostics)
        if (d.severity == Severity::Error) return false;
    return true;
}

namespace {

// Problems with the document as a whole (empty, not a mapping), or "" when
// the root is a mapping to read.
std::string root_problem(const YamlTree& tree) {
    if (!tree.root) return tree.problems.empty() ? "empty profile: the file has no content (only blank lines or comments)" : "";
    if (tree.root->kind == YNode::Kind::Null) return "empty profile: the file has no content";
    if (tree.root->kind != YNode::Kind::Map)
        return std::string("expected a mapping (schema:, id:, person: ... lines) at the top level, got ") +
               kind_name(*tree.root);
    return "";
}

}  // namespace

ProfileResult parse_profile(std::string_view text, const std::string& file_name) {
    ProfileResult r;
    if (text.size() > kMaxProfileBytes) {
        r.diagnostics.push_back(Diagnostic{
            {file_name, 0, 0},
            "file too large (" + std::to_string(text.size()) + " bytes; the limit is " +
                std::to_string(kMaxProfileBytes / (1024 * 1024)) + " MiB and a profile is a few KB): is this the right file?"});
        return r;
    }
    YamlReadOptions options;
    options.what = "profile";
    options.max_depth = kMaxProfileDepth;
    options.one_document_hint = "put one household per file";
    YamlTree tree = read_yaml_document(text, file_name, options);
    const std::string why = root_problem(tree);
    r.diagnostics = std::move(tree.problems);
    if (!why.empty()) {
        const bool at_root = tree.root && tree.root->kind != YNode::Kind::Null;
        r.diagnostics.push_back(
            Diagnostic{{file_name, at_root ? tree.root->line : 0, at_root ? tree.root->column : 0}, why});
        sort_diagnostics(r.diagnostics);
        return r;
    }
    if (!tree.root) return r;  // a syntax error, already reported

    Profile p;
    p.source_file = file_name;
    SchemaChecker checker(file_name, r.diagnostics, Echo::Personal);
    profile_detail::read_profile(checker, *tree.root, p, r.id_at);
    sort_diagnostics(r.diagnostics);
    bool any_error = std::any_of(r.diagnostics.begin(), r.diagnostics.end(),
                                 [](const Diagnostic& d) { return d.severity == Severity::Error; });
    if (!any_error) r.profile = std::move(p);
    return r;
}

}  // namespace sheetgen
