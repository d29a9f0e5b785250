#include "common/yaml_document.hpp"

#include <algorithm>
#include <optional>
#include <utility>

#include "common/utf8.hpp"

namespace sheetgen {

namespace {

// Flow brackets nested deeper than the limit, found without a parser (outside
// quotes and comments). Block nesting is caught while parsing.
std::optional<size_t> too_deep_flow(std::string_view t, int max_depth) {
    int depth = 0;
    char quote = 0;
    for (size_t i = 0; i < t.size(); ++i) {
        char ch = t[i];
        if (quote) {
            if (quote == '"' && ch == '\\') {
                ++i;
            } else if (ch == quote) {
                if (quote == '\'' && i + 1 < t.size() && t[i + 1] == '\'')
                    ++i;
                else
                    quote = 0;
            }
            continue;
        }
        char prev = i ? t[i - 1] : '\n';
        bool token_start = prev == ' ' || prev == '\n' || prev == '\t' || prev == '[' || prev == '{' || prev == ',' ||
                           prev == ':' || prev == '-';
        if ((ch == '"' || ch == '\'') && token_start) {
            quote = ch;
        } else if (ch == '#' && (prev == ' ' || prev == '\n' || prev == '\t')) {
            while (i < t.size() && t[i] != '\n') ++i;
        } else if (ch == '[' || ch == '{') {
            if (++depth > max_depth) return i;
        } else if ((ch == ']' || ch == '}') && depth > 0) {
            --depth;
        }
    }
    return std::nullopt;
}

// First tab in a line's leading whitespace, at or before `last_line` (1-based).
std::optional<std::pair<int, int>> tab_in_indentation(std::string_view t, int last_line) {
    int line = 1;
    size_t i = 0;
    while (i < t.size() && line <= last_line) {
        int col = 1;
        while (i < t.size() && (t[i] == ' ' || t[i] == '\t')) {
            if (t[i] == '\t') return std::make_pair(line, col);
            ++i, ++col;
        }
        while (i < t.size() && t[i] != '\n') ++i;
        ++i, ++line;
    }
    return std::nullopt;
}

// 1-based column, in code points, of byte `byte` of a line.
int column_of(std::string_view line, size_t byte) {
    int col = 1;
    for (size_t k = 0; k < byte && k < line.size(); ++k)
        if ((static_cast<unsigned char>(line[k]) & 0xC0) != 0x80) ++col;
    return col;
}

struct FullWidthHint {
    int line = 0, column = 0;
    std::string message;
};

// A full-width character where YAML needs an ASCII one on one line: an
// ideographic space U+3000 in the indentation, or a full-width colon U+FF1A
// right after a key with no ASCII ':' before it.
std::optional<FullWidthHint> full_width_on_line(std::string_view l, int line) {
    static const std::string kIdeoSpace = "\xE3\x80\x80", kFullColon = "\xEF\xBC\x9A";
    size_t k = 0;
    while (k < l.size()) {
        if (l[k] == ' ' || l[k] == '-') {
            ++k;
        } else if (l.compare(k, 3, kIdeoSpace) == 0) {
            return FullWidthHint{line, column_of(l, k),
                                 "full-width space (U+3000, 全角スペース) in the indentation: YAML indents with "
                                 "ASCII spaces only (replace it with two spaces)"};
        } else {
            break;
        }
    }
    const std::string_view rest = l.substr(k);
    if (rest.empty() || rest[0] == '#') return std::nullopt;
    const size_t colon = rest.find(kFullColon);
    const size_t ascii = rest.find(':');
    if (colon != std::string_view::npos && (ascii == std::string_view::npos || ascii > colon))
        return FullWidthHint{line, column_of(l, k + colon),
                             "full-width colon (：, U+FF1A, 全角コロン) after a key: YAML needs an ASCII ':' "
                             "followed by a space"};
    return std::nullopt;
}

// Japanese input methods type both; yaml-cpp then says only "illegal map
// value", often at the next line. Looks at lines first_line..last_line.
std::optional<FullWidthHint> full_width_in_syntax(std::string_view t, int first_line, int last_line) {
    int line = 1;
    size_t i = 0;
    while (i < t.size() && line <= last_line) {
        size_t eol = t.find('\n', i);
        if (eol == std::string_view::npos) eol = t.size();
        // A '：' in a value far above is not the cause.
        if (line >= first_line)
            if (auto hint = full_width_on_line(t.substr(i, eol - i), line)) return hint;
        i = eol + 1;
        ++line;
    }
    return std::nullopt;
}

// (line, character column) of a byte offset.
std::pair<int, int> position_of(std::string_view text, size_t offset) {
    std::string_view before = text.substr(0, offset);
    int line = 1 + static_cast<int>(std::count(before.begin(), before.end(), '\n'));
    size_t line_start = before.rfind('\n');
    line_start = line_start == std::string_view::npos ? 0 : line_start + 1;
    return {line, ColumnMap(text).char_column(line - 1, static_cast<int>(offset - line_start))};
}

const char* kSaveAsUtf8 = ". Save it as UTF-8 (e.g. in Notepad/メモ帳: 名前を付けて保存 → 文字コード UTF-8) and check again";

// Not UTF-8, or binary: what it looks like instead, where.
std::optional<Diagnostic> encoding_problem(std::string_view text, const std::string& file, const std::string& what) {
    auto at = [&](int line, int col, std::string msg) { return Diagnostic{{file, line, col}, std::move(msg)}; };
    if (auto bad = find_invalid_utf8(text)) {
        const std::string enc = guess_encoding(text);
        const int col = ColumnMap(text).char_column(bad->line - 1, bad->column - 1);
        if (enc == "binary data (NUL bytes)")
            return at(bad->line, col, "this is not a text file (binary data with NUL bytes): a " + what +
                                          " is UTF-8 YAML text");
        if (enc.rfind("UTF-16", 0) == 0)  // its first bad byte is meaningless: point at the start
            return at(1, 1, "the file is not UTF-8: it looks like " + enc + kSaveAsUtf8);
        if (enc == "unknown") {
            // A mostly-UTF-8 file with one pasted Shift_JIS line: judge the bad line alone.
            size_t eol = text.find('\n', bad->offset);
            std::string_view rest = text.substr(bad->offset, eol == std::string_view::npos ? eol : eol - bad->offset);
            if (guess_encoding(rest) == "Shift_JIS")
                return at(bad->line, col, "the file is not UTF-8: the text here looks like Shift_JIS (pasted from "
                                          "another file?). Save the file as UTF-8 and check again");
            return at(bad->line, col, "the file is not valid UTF-8 text (encoding not recognised): save it as UTF-8");
        }
        return at(bad->line, col, "the file is not UTF-8: it looks like " + enc + kSaveAsUtf8);
    }
    // NUL is valid UTF-8 but yaml-cpp reports it as a baffling "unknown escape character".
    if (size_t nul = text.find('\0'); nul != std::string_view::npos) {
        const std::string enc = guess_encoding(text);
        if (enc.rfind("UTF-16", 0) == 0)
            return at(1, 1, "the file is not UTF-8: it looks like " + enc + ". Save it as UTF-8 and check again");
        auto [line, col] = position_of(text, nul);
        return at(line, col, "the file contains NUL bytes (binary data?): a " + what + " is YAML text");
    }
    return std::nullopt;
}

// A syntax error: tabs in indentation are the usual cause and yaml-cpp's own
// message for them ("illegal map value") does not say so.
void explain_syntax_error(std::string_view text, const std::string& file, Diagnostic& d) {
    if (d.message.rfind("YAML syntax error", 0) != 0 || d.where.line <= 0) return;
    if (auto tab = tab_in_indentation(text, d.where.line))
        d = Diagnostic{{file, tab->first, tab->second},
                       "tab character used for indentation: YAML indents with spaces only (replace the tab with "
                       "spaces)"};
    else if (auto fw = full_width_in_syntax(text, d.where.line - 2, d.where.line))
        d = Diagnostic{{file, fw->line, fw->column}, fw->message};
}

}  // namespace

YamlTree read_yaml_document(std::string_view text, const std::string& file_name, const YamlReadOptions& options) {
    if (text.size() >= 3 && text.compare(0, 3, "\xEF\xBB\xBF") == 0) text.remove_prefix(3);  // UTF-8 BOM
    YamlTree out;
    if (auto bad = encoding_problem(text, file_name, options.what)) {
        out.problems.push_back(std::move(*bad));
        return out;
    }
    if (auto at = too_deep_flow(text, options.max_depth)) {
        auto [line, col] = position_of(text, *at);
        out.problems.push_back(Diagnostic{{file_name, line, col},
                                          "nesting too deep (more than " + std::to_string(options.max_depth) +
                                              " levels of [ ] or { }): a " + options.what +
                                              " needs only a few levels"});
        return out;
    }
    out = read_yaml_tree(text, file_name, options);
    if (!out.root && !out.problems.empty()) explain_syntax_error(text, file_name, out.problems.back());
    sort_diagnostics(out.problems);
    return out;
}

void sort_diagnostics(std::vector<Diagnostic>& d) {
    std::stable_sort(d.begin(), d.end(), [](const Diagnostic& a, const Diagnostic& b) {
        if (a.where.line != b.where.line) return a.where.line < b.where.line;
        return a.where.column < b.where.column;
    });
}

}  // namespace sheetgen
