#pragma once
// A whole YAML input file read into a YamlTree, with the byte-level checks
// every reader needs first: a BOM is dropped; Shift_JIS, UTF-16, binary data
// and NUL bytes are named as such; runaway [ { nesting is stopped before the
// parser; and yaml-cpp's bare "illegal map value" is replaced by the likely
// cause (a tab or a full-width space or colon in the syntax).
#include <string>
#include <string_view>

#include "common/yaml_tree.hpp"

namespace sheetgen {

// Never throws. Columns count characters. A size limit is the caller's (the
// messages differ per kind of file).
YamlTree read_yaml_document(std::string_view text, const std::string& file_name, const YamlReadOptions& options);

// Sorts by (line, column), keeping file order among equals.
void sort_diagnostics(std::vector<Diagnostic>& d);

}  // namespace sheetgen
