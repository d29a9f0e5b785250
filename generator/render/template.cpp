#include "render/template.hpp"

#include "common/read_file.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <set>
#include <sstream>

#include "common/utf8.hpp"
#include "render/sections.hpp"

namespace sheetgen::render {

namespace {

// yaml-cpp marks are 0-based byte offsets; people count characters.
SourceLocation location(const std::string& file, const std::string& text, const YAML::Mark& m) {
    if (m.line < 0 || m.column < 0) return {file, 0, 0};
    size_t pos = 0;
    for (int l = 0; l < m.line && pos != std::string::npos; ++l) {
        pos = text.find('\n', pos);
        if (pos != std::string::npos) ++pos;
    }
    if (pos == std::string::npos) return {file, m.line + 1, m.column + 1};
    int col = 1;
    for (int b = 0; b < m.column && pos + b < text.size(); ++b)
        if ((static_cast<unsigned char>(text[pos + b]) & 0xC0) != 0x80) ++col;
    return {file, m.line + 1, col};
}

class Parser {
public:
    Parser(std::string file, const std::string& text, const FieldSchema& schema, const std::function<bool(char32_t)>& drawable)
        : file_(std::move(file)), text_(text), schema_(schema), drawable_(drawable) {}

    SourceLocation loc(const YAML::Node& n) const { return location(file_, text_, n.Mark()); }
    [[noreturn]] void fail(const YAML::Node& n, const std::string& msg) const { throw InputError(loc(n), msg); }

    // Keys of a mapping, rejecting duplicates and keys not in `allowed`.
    std::map<std::string, YAML::Node> mapping(const YAML::Node& n, const std::vector<std::string>& allowed,
                                              const std::string& what) const {
        if (!n.IsMap()) fail(n, what + " must be a mapping (key: value)");
        std::map<std::string, YAML::Node> out;
        for (const auto& kv : n) {
            if (!kv.first.IsScalar()) fail(kv.first, "keys must be plain text");
            std::string key = kv.first.Scalar();
            if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
                std::string msg = "unknown key '" + key + "' in " + what;
                std::string hint = did_you_mean(key, allowed);
                if (!hint.empty()) msg += " (did you mean '" + hint + "'?)";
                fail(kv.first, msg);
            }
            if (out.count(key)) fail(kv.first, "duplicate key '" + key + "' in " + what);
            out.emplace(key, kv.second);
        }
        return out;
    }

    std::string text(const YAML::Node& n, const std::string& what, bool is_label = false) const {
        if (!n.IsScalar()) fail(n, what + " must be text");
        std::string s = n.Scalar();
        if (find_invalid_utf8(s)) fail(n, what + " is not valid UTF-8");
        if (is_label && drawable_) {
            for (char32_t c : decode_utf8(s)) {
                if (c == U'\n' || drawable_(c)) continue;
                char buf[32];
                std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(c));
                fail(n, what + " contains a character the font cannot draw (" + buf + ")");
            }
        }
        return s;
    }
    double number(const YAML::Node& n, const std::string& what, double lo, double hi) const {
        double v = 0;
        try {
            if (!n.IsScalar()) throw YAML::Exception(n.Mark(), "");
            v = n.as<double>();
        } catch (const YAML::Exception&) {
            fail(n, what + " must be a number");
        }
        if (!(v >= lo && v <= hi)) {
            std::ostringstream os;
            os << what << " must be between " << lo << " and " << hi;
            fail(n, os.str());
        }
        return v;
    }
    bool boolean(const YAML::Node& n, const std::string& what) const {
        try {
            if (n.IsScalar()) return n.as<bool>();
        } catch (const YAML::Exception&) {
        }
        fail(n, what + " must be true or false");
    }

    void check_format(const YAML::Node& n, const std::string& format, ValueType type, const std::string& path) const {
        if (!format_known(format)) {
            std::string msg = "unknown format '" + format + "'";
            std::string hint = did_you_mean(format, known_formats());
            if (!hint.empty()) msg += " (did you mean '" + hint + "'?)";
            fail(n, msg);
        }
        if (!format_applies(format, type)) {
            std::string ok;
            for (const auto& f : formats_for(type)) ok += (ok.empty() ? "" : ", ") + f;
            fail(n, "format '" + format + "' does not apply to '" + path + "' (a " + to_string(type) + "); use one of: " + ok);
        }
    }

    // label/path/format entry; `table` empty for scalar paths.
    FieldRef field(const YAML::Node& n, const std::string& table, bool bool_only, bool table_column) const {
        std::vector<std::string> keys = {"label", "path", "format"};
        if (table_column) keys.push_back("width");
        else if (!bool_only) keys.push_back("wide");
        auto m = mapping(n, keys, table_column ? "column" : "field");
        FieldRef f;
        f.at = loc(n);
        if (!m.count("path")) fail(n, "missing key 'path'");
        f.label = m.count("label") ? text(m["label"], "label", true) : "";
        f.path = text(m["path"], "path");
        const FieldInfo* info = nullptr;
        if (table.empty()) {
            auto it = schema_.scalars.find(f.path);
            if (it == schema_.scalars.end()) unknown_path(m["path"], f.path, keys_of(schema_.scalars), "field path");
            info = &it->second;
        } else {
            const auto& cols = schema_.tables.at(table);
            std::string col = f.path;
            std::string prefix = table + "[].";
            if (col.compare(0, prefix.size(), prefix) == 0) col = col.substr(prefix.size());
            auto it = cols.find(col);
            if (it == cols.end()) unknown_path(m["path"], f.path, keys_of(cols), "column of '" + table + "'");
            f.path = col;
            info = &it->second;
        }
        if (bool_only && info->type != ValueType::Bool)
            fail(m["path"], "checklist items need a yes/no field; '" + f.path + "' is a " + to_string(info->type));
        if (m.count("format")) {
            f.format = text(m["format"], "format");
            check_format(m["format"], f.format, info->type, f.path);
        }
        if (m.count("wide")) f.wide = boolean(m["wide"], "wide");
        if (m.count("width")) f.width = number(m["width"], "width", 0.01, 1.0);
        return f;
    }

    template <typename M>
    static std::vector<std::string> keys_of(const M& m) {
        std::vector<std::string> out;
        for (const auto& kv : m) out.push_back(kv.first);
        return out;
    }

    [[noreturn]] void unknown_path(const YAML::Node& n, const std::string& path, const std::vector<std::string>& candidates,
                                   const std::string& what) const {
        std::string msg = "unknown " + what + " '" + path + "'";
        std::string hint = did_you_mean(path, candidates);
        if (!hint.empty()) msg += " (did you mean '" + hint + "'?)";
        fail(n, msg);
    }

    std::vector<FieldRef> field_list(const YAML::Node& n, const std::string& table, bool bool_only, bool table_column) const {
        if (!n.IsSequence() || n.size() == 0) fail(n, "expected a non-empty list");
        std::vector<FieldRef> out;
        for (const auto& item : n) out.push_back(field(item, table, bool_only, table_column));
        return out;
    }

    SectionSpec section(const YAML::Node& n) const {
        if (!n.IsMap()) fail(n, "a section must be a mapping");
        YAML::Node kind_node = n["kind"];
        if (!kind_node) fail(n, "section has no 'kind'");
        std::string kind = text(kind_node, "kind");
        const SectionKind* sk = find_section_kind(kind);
        if (!sk) {
            std::vector<std::string> names;
            for (const auto& k : section_kinds()) names.push_back(k.name);
            std::string msg = "unknown section kind '" + kind + "'";
            std::string hint = did_you_mean(kind, names);
            if (!hint.empty()) msg += " (did you mean '" + hint + "'?)";
            std::string all;
            for (const auto& x : names) all += (all.empty() ? "" : ", ") + x;
            fail(kind_node, msg + "; kinds: " + all);
        }
        std::vector<std::string> allowed = {"kind", "title", "page_break"};
        allowed.insert(allowed.end(), sk->keys.begin(), sk->keys.end());
        auto m = mapping(n, allowed, "a '" + kind + "' section");
        for (const auto& r : sk->required)
            if (!m.count(r)) fail(n, "a '" + kind + "' section needs '" + r + "'");
        SectionSpec s;
        s.kind = kind;
        s.at = loc(n);
        if (m.count("title")) s.title = text(m["title"], "title", true);
        if (m.count("page_break")) s.page_break = boolean(m["page_break"], "page_break");
        if (m.count("columns") && m["columns"].IsScalar())
            s.columns = static_cast<int>(number(m["columns"], "columns", 1, 6));
        if (m.count("label_width")) s.label_width = number(m["label_width"], "label_width", 0.1, 0.9);
        if (m.count("fields")) s.fields = field_list(m["fields"], "", false, false);
        if (m.count("items")) s.items = field_list(m["items"], "", true, false);
        if (m.count("rows")) {
            s.rows = text(m["rows"], "rows");
            if (!schema_.tables.count(s.rows)) unknown_path(m["rows"], s.rows, keys_of(schema_.tables), "row list");
            if (!m.count("columns") || !m["columns"].IsSequence()) fail(n, "a table needs 'columns' (a list of label/path)");
            s.table_columns = field_list(m["columns"], s.rows, false, true);
            double total = 0;
            for (const auto& c : s.table_columns) total += c.width;
            if (total > 1.0001) fail(m["columns"], "column widths add up to more than 1");
        }
        if (m.count("columns") && !m["columns"].IsScalar() && s.rows.empty())
            fail(m["columns"], "'columns' must be a number here (a list of columns needs a 'table' section)");
        if (m.count("where")) {
            if (s.rows.empty()) fail(m["where"], "'where' needs 'rows'");
            const auto& cols = schema_.tables.at(s.rows);
            auto w = m["where"];
            if (!w.IsMap()) fail(w, "'where' must map a column to a list of values");
            for (const auto& kv : w) {
                std::string col = text(kv.first, "column");
                auto it = cols.find(col);
                if (it == cols.end()) unknown_path(kv.first, col, keys_of(cols), "column of '" + s.rows + "'");
                std::vector<std::string> values;
                auto add = [&](const YAML::Node& v) {
                    std::string val = text(v, "value");
                    const auto& allowed_values = it->second.enum_values;
                    if (!allowed_values.empty() &&
                        std::find(allowed_values.begin(), allowed_values.end(), val) == allowed_values.end()) {
                        std::string msg = "unknown value '" + val + "' for '" + col + "'";
                        std::string hint = did_you_mean(val, allowed_values);
                        if (!hint.empty()) msg += " (did you mean '" + hint + "'?)";
                        fail(v, msg);
                    }
                    values.push_back(val);
                };
                if (kv.second.IsSequence())
                    for (const auto& v : kv.second) add(v);
                else
                    add(kv.second);
                s.where.emplace_back(col, values);
            }
        }
        if (m.count("empty")) s.empty_text = text(m["empty"], "empty", true);
        if (m.count("boxes")) {
            if (!m["boxes"].IsSequence() || m["boxes"].size() == 0) fail(m["boxes"], "'boxes' must be a non-empty list of labels");
            for (const auto& b : m["boxes"]) s.boxes.push_back(text(b, "box label", true));
        }
        if (m.count("path")) {
            FieldRef f;
            f.path = text(m["path"], "path");
            auto it = schema_.scalars.find(f.path);
            if (it == schema_.scalars.end()) unknown_path(m["path"], f.path, keys_of(schema_.scalars), "field path");
            if (m.count("format")) {
                f.format = text(m["format"], "format");
                check_format(m["format"], f.format, it->second.type, f.path);
            }
            f.at = loc(m["path"]);
            s.text = f;
        }
        if (m.count("min_height")) s.min_height_mm = number(m["min_height"], "min_height", 0, 250);
        if (m.count("height")) s.height_mm = number(m["height"], "height", 20, 250);
        if (m.count("map_width")) s.map_width = number(m["map_width"], "map_width", 0.2, 1.0);
        return s;
    }

    Template parse(const YAML::Node& root) const {
        auto m = mapping(root, {"schema", "title", "subtitle", "subtitle_without_consent", "font_size", "sections"},
                         "the template");
        Template t;
        t.file = file_;
        if (m.count("schema") && text(m["schema"], "schema") != kTemplateSchemaV1)
            fail(m["schema"], std::string("unsupported schema (expected ") + kTemplateSchemaV1 + ")");
        if (!m.count("title")) fail(root, "the template needs a 'title'");
        t.title = text(m["title"], "title", true);
        t.title_at = loc(m["title"]);
        if (m.count("subtitle")) {
            t.subtitle = text(m["subtitle"], "subtitle", true);
            t.subtitle_at = loc(m["subtitle"]);
        }
        if (m.count("subtitle_without_consent")) {
            t.subtitle_without_consent = text(m["subtitle_without_consent"], "subtitle_without_consent", true);
            t.subtitle_without_consent_at = loc(m["subtitle_without_consent"]);
        }
        if (m.count("font_size")) t.font_size = number(m["font_size"], "font_size", 6, 14);
        if (!m.count("sections") || !m["sections"].IsSequence() || m["sections"].size() == 0)
            fail(m.count("sections") ? m["sections"] : root, "the template needs a non-empty 'sections' list");
        for (const auto& s : m["sections"]) t.sections.push_back(section(s));
        return t;
    }

private:
    std::string file_;
    const std::string& text_;
    const FieldSchema& schema_;
    const std::function<bool(char32_t)>& drawable_;
};

}  // namespace

Template parse_template(const std::string& yaml_text, const std::string& file, const FieldSchema& schema,
                        const std::function<bool(char32_t)>& drawable) {
    if (auto bad = find_invalid_utf8(yaml_text))
        throw InputError({file, bad->line, bad->column}, "template is not valid UTF-8 (looks like " + guess_encoding(yaml_text) + ")");
    YAML::Node root;
    try {
        root = YAML::Load(yaml_text);
    } catch (const YAML::ParserException& e) {
        throw InputError(location(file, yaml_text, e.mark), "YAML syntax error: " + e.msg);
    } catch (const YAML::Exception& e) {
        // yaml-cpp reports runaway nesting only as "bad file".
        throw InputError({file, 0, 0}, std::string("cannot read YAML (nesting too deep?): ") + e.what());
    }
    if (!root || root.IsNull()) throw InputError({file, 0, 0}, "template is empty");
    Parser p(file, yaml_text, schema, drawable);
    try {
        return p.parse(root);
    } catch (const YAML::Exception& e) {
        throw InputError(location(file, yaml_text, e.mark), std::string("bad template: ") + e.msg);
    }
}

Template load_template(const std::string& path, const FieldSchema& schema, const std::function<bool(char32_t)>& drawable) {
    // A template is a few KB; 1 MiB is generous and stops /dev/zero.
    return parse_template(read_file_limited(path, 1024 * 1024, "template file"), path, schema, drawable);
}

}  // namespace sheetgen::render
