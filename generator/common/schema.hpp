#pragma once
// The one schema checker of every YAML input (profiles, hazard configs,
// templates). It walks a YamlTree and COLLECTS every problem (it never stops
// at the first): each one is a Diagnostic at file:line:column, columns in
// characters. Unknown keys and enum values get a did-you-mean suggestion.
//
// A reader describes its schema with tables of keys (`map(node, where, keys)`)
// and enum tables (common/enum_table.hpp), reads each value with the typed
// getters below, and adds its own cross-field checks with error().
#include <optional>
#include <string>
#include <vector>

#include "common/date.hpp"
#include "common/enum_table.hpp"
#include "common/error.hpp"
#include "common/yaml_document.hpp"
#include "common/yaml_tree.hpp"

namespace sheetgen {

// "person.medications[2]" for item i (0-based) of a list.
std::string index_name(const std::string& list, size_t i);

// Whether a wrong value may be repeated in a message. Profiles hold personal
// data, and messages reach logs: there only a short ASCII token (a typo such
// as 'sucton', a number, a date) is echoed. Configs and templates are public.
enum class Echo { Personal, Public };

class SchemaChecker {
public:
    SchemaChecker(const std::string& file, std::vector<Diagnostic>& out, Echo echo = Echo::Personal)
        : file_(file), out_(out), echo_(echo) {}

    void error(int line, int column, const std::string& message);
    void error(const YNode& n, const std::string& message) { error(n.line, n.column, message); }
    // A problem that does not make the input invalid (e.g. a draft profile's missing fields).
    void warning(const YNode& n, const std::string& message);
    const std::string& file() const { return file_; }
    SourceLocation at(const YNode& n) const { return SourceLocation{file_, n.line, n.column}; }
    // How many problems have been reported so far (to skip checks that would
    // only repeat an earlier one).
    size_t problem_count() const { return out_.size(); }

    // A value as it may appear in a message: 'value', or a description.
    std::string shown(const std::string& v) const;

    // A mapping's known keys; unknown keys are reported with a suggestion.
    class Map {
    public:
        const YNode* node = nullptr;
        std::string where;  // "person", "devices[2]" ...
        std::vector<std::pair<std::string, const YNode*>> found;  // key -> value
        std::vector<std::pair<std::string, const YNode*>> keys;   // key -> key node

        explicit operator bool() const { return node != nullptr; }
        // The value of `k` (the last one, like YAML; duplicates are already reported).
        const YNode* get(const std::string& k) const;
        const YNode* key_node(const std::string& k) const;
    };

    // Null or absent `n` gives an empty Map (treated as absent, no problem).
    Map map(const YNode* n, const std::string& where, const std::vector<std::string>& allowed);
    // Missing required key: reported at the parent mapping (or `parent_pos`).
    const YNode* require(const Map& m, const std::string& key, const YNode& parent_pos);

    // Each getter returns nothing (and reports why) for a wrong value, and
    // nothing without a report for an absent or null one.
    std::string text(const YNode* n, const std::string& what);
    std::vector<std::string> text_list(const YNode* n, const std::string& what);
    const std::vector<YNode>* list(const YNode* n, const std::string& what);
    // A plain YAML number within [min, max] (min excluded when min_open).
    std::optional<double> number(const YNode* n, const std::string& what, double min, double max,
                                 bool min_open = false);
    std::optional<long> integer(const YNode* n, const std::string& what, long min, long max);
    std::optional<bool> boolean(const YNode* n, const std::string& what);
    // `personal`: do not repeat the value (a birthdate is personal data).
    std::optional<Date> date(const YNode* n, const std::string& what, bool personal);
    // One of `names` ("unknown <what> 'x' (did you mean 'y'?); allowed: ...").
    std::optional<std::string> one_of(const YNode* n, const std::string& what, const std::vector<std::string>& names);
    template <typename E>
    std::optional<E> enumeration(const YNode* n, const std::string& what, const EnumTable<E>& table) {
        auto name = one_of(n, what, table.names());
        if (!name) return std::nullopt;
        return table.parse(*name);
    }
    // The same, also accepting each value's Japanese label (計画規模 for planned).
    template <typename E>
    std::optional<E> enumeration_or_label(const YNode* n, const std::string& what, const EnumTable<E>& table) {
        auto name = one_of(n, what, table.names_and_labels());
        if (!name) return std::nullopt;
        return table.parse_name_or_label(*name);
    }

    // Each item of the list `n` read as a mapping with `keys`:
    // fn(item, where, map) with where = "what[i]". A null item ("- " alone) is
    // reported as empty when `empty_is_error`, else skipped.
    template <typename Fn>
    void each_map(const YNode* n, const std::string& what, const std::vector<std::string>& keys, bool empty_is_error,
                  Fn fn) {
        const std::vector<YNode>* items = list(n, what);
        if (!items) return;
        for (size_t i = 0; i < items->size(); ++i) {
            const YNode& item = (*items)[i];
            const std::string where = index_name(what, i);
            Map m = map(&item, where, keys);
            if (m)
                fn(item, where, m);
            else if (empty_is_error && item.kind == YNode::Kind::Null)
                error(item, where + " is empty");
        }
    }

private:
    std::string shown_key(const std::string& k) const;

    std::string file_;  // a copy: callers may pass a temporary
    std::vector<Diagnostic>& out_;
    Echo echo_;
};

// "nothing", "text", "a list", "a mapping (key: value)".
const char* kind_name(const YNode& n);
// Empty or only spaces (ASCII, tab, and the ideographic space U+3000).
bool is_blank(const std::string& s);

// For readers that fail as a whole (hazard configs, templates): reads the
// document, runs read(checker, root) on a non-empty one, and throws ONE
// InputError listing every problem (document and schema), in file order.
template <typename Read>
void read_or_throw(std::string_view text, const std::string& file, const YamlReadOptions& options, Read read) {
    YamlTree tree = read_yaml_document(text, file, options);
    std::vector<Diagnostic> problems = std::move(tree.problems);
    const bool empty = !tree.root || tree.root->kind == YNode::Kind::Null;
    if (problems.empty() && empty) problems.push_back(Diagnostic{{file, 0, 0}, options.what + " is empty"});
    if (!empty) {
        SchemaChecker checker(file, problems, Echo::Public);
        read(checker, *tree.root);
    }
    if (problems.empty()) return;
    sort_diagnostics(problems);
    throw InputError(std::move(problems));
}

}  // namespace sheetgen
