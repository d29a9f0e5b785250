#pragma once
// YAML read through yaml-cpp's event API into a small tree that keeps every
// node's position (line, column in characters), for every input reader
// (profiles, hazard configs, templates). The event API (rather than
// YAML::Node) lets us see duplicate keys, anchors and aliases, and stop deep
// nesting before yaml-cpp's own recursion gets far.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.hpp"

namespace sheetgen {

struct YNode {
    enum class Kind { Null, Scalar, Sequence, Map };
    Kind kind = Kind::Null;
    int line = 0;    // 1-based
    int column = 0;  // 1-based, in characters
    std::string value;    // scalar text
    bool quoted = false;  // "..." / '...' / !!str: never a number, bool or null
    // Sequence: the items. Map: key, value, key, value ...
    std::vector<YNode> items;

    size_t map_size() const { return items.size() / 2; }
    const YNode& key(size_t i) const { return items[2 * i]; }
    const YNode& val(size_t i) const { return items[2 * i + 1]; }
};

struct YamlTree {
    std::optional<YNode> root;      // nullopt: empty document (or a fatal syntax error)
    std::vector<Diagnostic> problems;  // syntax, duplicate keys, anchors, aliases, tags, depth
};

// What the messages call the file, and how deep it may nest.
struct YamlReadOptions {
    std::string what = "profile";  // "profile", "hazard config", "template": "anchors are not allowed in a <what>"
    int max_depth = 64;
    // Said after "more than one YAML document (---): ".
    std::string one_document_hint = "put one document per file";
};

// `text` must already be valid UTF-8 without BOM. Never throws.
YamlTree read_yaml_tree(std::string_view text, const std::string& file_name, const YamlReadOptions& options);

// 1-based character column of a 0-based byte column on a 0-based line.
class ColumnMap {
public:
    explicit ColumnMap(std::string_view text);
    int char_column(int line0, int byte_col0) const;

private:
    std::string_view text_;
    std::vector<size_t> line_starts_;
};

}  // namespace sheetgen
