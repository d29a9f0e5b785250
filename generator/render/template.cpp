#include "render/template.hpp"

#include <algorithm>
#include <cstdio>
#include <optional>

#include "common/did_you_mean.hpp"
#include "common/read_file.hpp"
#include "common/schema.hpp"
#include "common/utf8.hpp"
#include "render/sections.hpp"
#include "render/words.hpp"

namespace sheetgen::render {

namespace {

using Map = SchemaChecker::Map;

const std::vector<std::string> kTopKeys = {"schema",    "title",       "subtitle",    "subtitle_without_consent",
                                           "font_size", "page_size",   "orientation", "margin_mm",
                                           "header_mark", "footer_text", "layout",      "language",
                                           "sections"};
const std::vector<std::string> kSectionKeys = {"kind", "title", "page_break", "panel"};  // + the kind's own keys
const std::vector<std::string> kLayouts = {"flow", "card"};
const std::vector<std::string> kCardKinds = {"fields"};  // what a card lays out
const std::vector<std::string> kLanguages = {"ja", "en"};

struct PageSize {
    const char* name;
    double w_mm, h_mm;
};
const PageSize kPageSizes[] = {{"A3", 297, 420}, {"A4", 210, 297}, {"A5", 148, 210},
                               {"B4", 257, 364}, {"B5", 182, 257}, {"letter", 215.9, 279.4}};

template <typename M>
std::vector<std::string> keys_of(const M& m) {
    std::vector<std::string> out;
    for (const auto& kv : m) out.push_back(kv.first);
    return out;
}

// Reads a template against the field schema with the common SchemaChecker:
// every problem is reported (file:line:column, with did-you-mean), and the
// reading goes on with the next key, field or section.
class TemplateReader {
public:
    TemplateReader(SchemaChecker& c, const FieldSchema& schema, const std::function<bool(char32_t)>& drawable)
        : c_(c), schema_(schema), drawable_(drawable) {}

    Template read(const YNode& root) {
        Template t;
        t.file = c_.file();
        Map m = c_.map(&root, "the template", kTopKeys);
        if (!m) return t;
        // First: the language decides which fields exist and the frame's words.
        if (auto v = c_.one_of(m.get("language"), "language", kLanguages)) t.lang = *v == "en" ? Lang::En : Lang::Ja;
        lang_ = t.lang;
        if (const YNode* s = m.get("schema"); s && c_.text(s, "schema") != kTemplateSchemaV1 && s->kind == YNode::Kind::Scalar)
            c_.error(*s, std::string("unsupported schema (expected ") + kTemplateSchemaV1 + ")");
        if (const YNode* title = m.get("title")) {
            t.title = label(title, "title");
            t.title_at = c_.at(*title);
        } else {
            c_.error(root, "the template needs a 'title'");
        }
        if (const YNode* sub = m.get("subtitle")) {
            t.subtitle = label(sub, "subtitle");
            t.subtitle_at = c_.at(*sub);
        }
        if (const YNode* sub = m.get("subtitle_without_consent")) {
            t.subtitle_without_consent = label(sub, "subtitle_without_consent");
            t.subtitle_without_consent_at = c_.at(*sub);
        }
        if (auto v = c_.number(m.get("font_size"), "font_size", 6, 14)) t.font_size = *v;
        read_page(m, t);
        if (auto v = c_.one_of(m.get("layout"), "layout", kLayouts)) t.layout = *v;
        const YNode* sections = m.get("sections");
        if (!sections || sections->kind != YNode::Kind::Sequence || sections->items.empty()) {
            c_.error(sections ? *sections : root, "the template needs a non-empty 'sections' list");
            return t;
        }
        for (const YNode& item : sections->items)
            if (auto s = section(item)) {
                check_card_section(t, item, *s);
                t.sections.push_back(std::move(*s));
            }
        return t;
    }

private:
    // page_size, orientation, margin_mm, header_mark, footer_text: absent
    // keys keep today's A4 frame.
    void read_page(const Map& m, Template& t) {
        std::string size = "A4";
        bool landscape = false;
        if (auto v = c_.one_of(m.get("page_size"), "page size", page_size_names())) size = *v;
        if (auto v = c_.one_of(m.get("orientation"), "orientation", {"portrait", "landscape"})) landscape = *v == "landscape";
        apply_page_size(t, size, landscape);
        t.page.mark = word(Word::HeaderMark, t.lang);
        t.page.date_label = word(Word::Prepared, t.lang);
        t.page.english_date = t.lang == Lang::En;
        if (auto v = c_.number(m.get("margin_mm"), "margin_mm", 5, 30)) t.page.margin = *v * 72.0 / 25.4;
        if (m.get("header_mark")) t.page.mark = label(m.get("header_mark"), "header_mark");
        if (m.get("footer_text")) t.page.footer = label(m.get("footer_text"), "footer_text");
    }

    // A card lays out label/value fields only; `panel` means something on a card only.
    void check_card_section(const Template& t, const YNode& n, const SectionSpec& s) {
        if (t.layout == "card" && std::find(kCardKinds.begin(), kCardKinds.end(), s.kind) == kCardKinds.end())
            c_.error(n, "a card ('layout: card') lays out 'fields' sections only, not '" + s.kind + "'");
        if (t.layout != "card" && s.back_panel) c_.error(n, "'panel' applies to a card ('layout: card') only");
    }

    // Text printed on the sheet: every character must be drawable by the font.
    std::string label(const YNode* n, const std::string& what) {
        std::string s = c_.text(n, what);
        if (!drawable_) return s;
        for (char32_t ch : decode_utf8(s)) {
            if (ch == U'\n' || drawable_(ch)) continue;
            char buf[32];
            std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(ch));
            c_.error(*n, what + " contains a character the font cannot draw (" + buf + ")");
            break;
        }
        return s;
    }

    // "unknown field path 'person.nmae' (did you mean 'person.name'?)"; the
    // candidates are too many to list.
    void unknown(const YNode& n, const std::string& what, const std::string& value,
                 const std::vector<std::string>& candidates, const std::string& context = "") {
        std::string msg = "unknown " + what + " '" + value + "'" + context;
        std::string hint = did_you_mean(value, candidates);
        if (!hint.empty()) msg += " (did you mean '" + hint + "'?)";
        c_.error(n, msg);
    }

    void check_format(const YNode* n, const std::string& format, ValueType type, const std::string& path) {
        if (!c_.one_of(n, "format", known_formats())) return;
        if (format_applies(format, type)) return;
        c_.error(*n, "format '" + format + "' does not apply to '" + path + "' (a " + to_string(type) +
                         "); use one of: " + join_names(formats_for(type)));
    }

    // The schema entry of a scalar path, or (in tables) of a column; null
    // (reported) when unknown. `path` loses a "table[]." prefix.
    const FieldInfo* find_path(const YNode& n, std::string& path, const std::string& table) {
        if (table.empty()) {
            auto it = schema_.scalars.find(path);
            if (it != schema_.scalars.end()) return english_only(n, "field path '" + path + "'", &it->second);
            unknown(n, "field path", path, keys_of(schema_.scalars));
            return nullptr;
        }
        const auto& cols = schema_.tables.at(table);
        const std::string prefix = table + "[].";
        if (path.compare(0, prefix.size(), prefix) == 0) path = path.substr(prefix.size());
        auto it = cols.find(path);
        if (it != cols.end()) return &it->second;
        unknown(n, "column of '" + table + "'", path, keys_of(cols));
        return nullptr;
    }

    // A `language: en` template may name only what the English field model
    // builds: no field that prints a place the verdict did not accept, and no
    // help-card or ventilator-plan field (Japanese only).
    const FieldInfo* english_only(const YNode& n, const std::string& what, const FieldInfo* info) {
        if (lang_ != Lang::En || info->english) return info;
        c_.error(n, what + " has no English form: a 'language: en' template cannot use it (it is Japanese only, or "
                           "it could name a place the verdict did not accept)");
        return nullptr;
    }

    // A label taken from a text field of the sheet (not of a table row).
    void label_path(const YNode& n, const std::string& table, FieldRef& f) {
        if (!table.empty()) {
            c_.error(n, "label_path is for fields; a table column keeps its label");
            return;
        }
        std::string p = c_.text(&n, "label_path");
        const FieldInfo* info = n.kind == YNode::Kind::Scalar ? find_path(n, p, "") : nullptr;
        if (!info) return;
        if (info->type != ValueType::Text) {
            c_.error(n, "label_path needs a text field; '" + p + "' is a " + to_string(info->type));
            return;
        }
        f.label_path = p;
    }

    // label/path/format entry; `table` empty for scalar paths.
    std::optional<FieldRef> field(const YNode& n, const std::string& where, const std::string& table, bool bool_only,
                                  bool table_column) {
        std::vector<std::string> keys = {"label", "label_path", "path", "format"};
        keys.push_back(table_column ? "width" : "wide");
        if (bool_only) keys.pop_back();
        Map m = c_.map(&n, table_column ? "column" : "field", keys);
        if (!m) {
            if (n.kind == YNode::Kind::Null) c_.error(n, where + " is empty");
            return std::nullopt;
        }
        FieldRef f;
        f.at = c_.at(n);
        f.label = label(m.get("label"), "label");
        if (const YNode* lp = m.get("label_path")) label_path(*lp, table, f);
        const YNode* path = c_.require(m, "path", n);
        if (!path) return std::nullopt;
        f.path = c_.text(path, "path");
        const FieldInfo* info = path->kind == YNode::Kind::Scalar ? find_path(*path, f.path, table) : nullptr;
        if (!info) return std::nullopt;
        if (bool_only && info->type != ValueType::Bool)
            c_.error(*path, "checklist items need a yes/no field; '" + f.path + "' is a " + to_string(info->type));
        if (const YNode* fmt = m.get("format")) {
            f.format = c_.text(fmt, "format");
            check_format(fmt, f.format, info->type, f.path);
        }
        if (auto v = c_.boolean(m.get("wide"), "wide")) f.wide = *v;
        if (auto v = c_.number(m.get("width"), "width", 0.01, 1.0)) f.width = *v;
        return f;
    }

    std::vector<FieldRef> field_list(const YNode* n, const std::string& what, const std::string& table, bool bool_only,
                                     bool table_column) {
        std::vector<FieldRef> out;
        if (!n || n->kind != YNode::Kind::Sequence || n->items.empty()) {
            if (n) c_.error(*n, "'" + what + "' must be a non-empty list");
            return out;
        }
        for (size_t i = 0; i < n->items.size(); ++i)
            if (auto f = field(n->items[i], index_name(what, i), table, bool_only, table_column)) out.push_back(*f);
        return out;
    }

    // A table's rows (a row list of the schema) and its list of columns.
    void read_table(const YNode& n, const Map& m, SectionSpec& s) {
        const YNode* rows = m.get("rows");
        if (!rows) return;  // reported as a required key
        s.rows = c_.text(rows, "rows");
        if (!schema_.tables.count(s.rows)) {
            if (rows->kind == YNode::Kind::Scalar) unknown(*rows, "row list", s.rows, keys_of(schema_.tables));
            s.rows.clear();
            return;
        }
        const auto& first = schema_.tables.at(s.rows);
        if (!first.empty() && !english_only(*rows, "row list '" + s.rows + "'", &first.begin()->second)) {
            s.rows.clear();
            return;
        }
        const YNode* cols = m.get("columns");
        if (!cols || cols->kind != YNode::Kind::Sequence) {
            c_.error(cols ? *cols : n, "a table needs 'columns' (a list of label/path)");
            return;
        }
        s.table_columns = field_list(cols, "columns", s.rows, false, true);
        double total = 0;
        for (const auto& c : s.table_columns) total += c.width;
        if (total > 1.0001) c_.error(*cols, "column widths add up to more than 1");
    }

    // where: {column: [machine values]}: which rows a table prints.
    void read_where(const YNode& w, SectionSpec& s) {
        if (s.rows.empty()) {
            c_.error(w, "'where' needs 'rows'");
            return;
        }
        if (w.kind != YNode::Kind::Map) {
            c_.error(w, "'where' must map a column to a list of values");
            return;
        }
        const auto& cols = schema_.tables.at(s.rows);
        for (size_t i = 0; i < w.map_size(); ++i) {
            std::string col = c_.text(&w.key(i), "column");
            auto it = cols.find(col);
            if (it == cols.end()) {
                unknown(w.key(i), "column of '" + s.rows + "'", col, keys_of(cols));
                continue;
            }
            const YNode& v = w.val(i);
            std::vector<const YNode*> given;
            if (v.kind == YNode::Kind::Sequence)
                for (const auto& item : v.items) given.push_back(&item);
            else
                given.push_back(&v);
            std::vector<std::string> values;
            for (const YNode* g : given) {
                const auto& allowed = it->second.enum_values;
                std::string val = c_.text(g, "value");
                if (allowed.empty() || std::find(allowed.begin(), allowed.end(), val) != allowed.end())
                    values.push_back(val);
                else
                    unknown(*g, "value", val, allowed, " for '" + col + "'");
            }
            s.where.emplace_back(col, values);
        }
    }

    // A text section's one field.
    void read_text_path(const Map& m, SectionSpec& s) {
        const YNode* path = m.get("path");
        if (!path) return;
        FieldRef f;
        f.path = c_.text(path, "path");
        f.at = c_.at(*path);
        const FieldInfo* info = path->kind == YNode::Kind::Scalar ? find_path(*path, f.path, "") : nullptr;
        if (const YNode* fmt = m.get("format"); fmt && info) {
            f.format = c_.text(fmt, "format");
            check_format(fmt, f.format, info->type, f.path);
        }
        s.text = f;
    }

    // `columns` of a fields-like section: how many label+value pairs a row holds.
    void read_columns_number(const YNode* cols, bool table, SectionSpec& s) {
        if (!cols) return;
        if (cols->kind == YNode::Kind::Scalar) {
            if (auto v = c_.number(cols, "columns", 1, 6)) s.columns = static_cast<int>(*v);
        } else if (!table) {
            c_.error(*cols, "'columns' must be a number here (a list of columns needs a 'table' section)");
        }
    }

    // The keys of a section of known kind.
    void read_section_keys(const YNode& n, const Map& m, SectionSpec& s) {
        if (m.get("title")) s.title = label(m.get("title"), "title");
        if (auto v = c_.boolean(m.get("page_break"), "page_break")) s.page_break = *v;
        if (auto v = c_.one_of(m.get("panel"), "panel", {"front", "back"})) s.back_panel = *v == "back";
        if (auto v = c_.number(m.get("label_width"), "label_width", 0.1, 0.9)) s.label_width = *v;
        if (m.get("fields")) s.fields = field_list(m.get("fields"), "fields", "", false, false);
        if (m.get("items")) s.items = field_list(m.get("items"), "items", "", true, false);
        read_table(n, m, s);
        read_columns_number(m.get("columns"), m.get("rows") != nullptr, s);
        if (const YNode* w = m.get("where")) read_where(*w, s);
        s.empty_text = word(Word::NoEntries, lang_);
        if (m.get("empty")) s.empty_text = label(m.get("empty"), "empty");
        if (const YNode* boxes = m.get("boxes")) {
            if (boxes->kind != YNode::Kind::Sequence || boxes->items.empty())
                c_.error(*boxes, "'boxes' must be a non-empty list of labels");
            else
                for (const auto& b : boxes->items) s.boxes.push_back(label(&b, "box label"));
        }
        read_text_path(m, s);
        if (auto v = c_.number(m.get("min_height"), "min_height", 0, 250)) s.min_height_mm = *v;
        if (auto v = c_.number(m.get("height"), "height", 20, 250)) s.height_mm = *v;
        if (auto v = c_.number(m.get("map_width"), "map_width", 0.2, 1.0)) s.map_width = *v;
    }

    std::optional<SectionSpec> section(const YNode& n) {
        if (n.kind != YNode::Kind::Map) {
            c_.error(n, "a section must be a mapping");
            return std::nullopt;
        }
        std::vector<std::string> names;
        for (const auto& k : section_kinds()) names.push_back(k.name);
        const YNode* kind_node = nullptr;
        for (size_t i = 0; i < n.map_size(); ++i)
            if (n.key(i).value == "kind") kind_node = &n.val(i);
        if (!kind_node) {
            c_.error(n, "section has no 'kind'");
            return std::nullopt;
        }
        auto kind = c_.one_of(kind_node, "section kind", names);
        if (!kind) return std::nullopt;  // its keys cannot be judged without the kind
        const SectionKind* sk = find_section_kind(*kind);
        std::vector<std::string> allowed = kSectionKeys;
        allowed.insert(allowed.end(), sk->keys.begin(), sk->keys.end());
        Map m = c_.map(&n, "a '" + *kind + "' section", allowed);
        for (const auto& r : sk->required)
            if (!m.get(r)) c_.error(n, "a '" + *kind + "' section needs '" + r + "'");
        SectionSpec s;
        s.kind = *kind;
        s.at = c_.at(n);
        read_section_keys(n, m, s);
        return s;
    }

    SchemaChecker& c_;
    const FieldSchema& schema_;
    const std::function<bool(char32_t)>& drawable_;
    Lang lang_ = Lang::Ja;
};

}  // namespace

const std::vector<std::string>& page_size_names() {
    static const std::vector<std::string> names = [] {
        std::vector<std::string> out;
        for (const auto& p : kPageSizes) out.push_back(p.name);
        return out;
    }();
    return names;
}

bool page_size_points(const std::string& name, double& width, double& height) {
    if (name == "A4") {  // exactly the constants the sheets have always used
        width = kPageWidth, height = kPageHeight;
        return true;
    }
    for (const auto& p : kPageSizes)
        if (name == p.name) {
            width = p.w_mm * 72.0 / 25.4, height = p.h_mm * 72.0 / 25.4;
            return true;
        }
    return false;
}

void apply_page_size(Template& tpl, const std::string& name, bool landscape) {
    double w = kPageWidth, h = kPageHeight;
    if (!page_size_points(name, w, h)) return;
    tpl.page_size = name;
    tpl.landscape = landscape;
    tpl.page.width = landscape ? h : w;
    tpl.page.height = landscape ? w : h;
}

PageHeader layout_page_header(const FontFace& font, const Template& tpl, const std::string& id, bool shared) {
    const std::string& subtitle =
        shared || tpl.subtitle_without_consent.empty() ? tpl.subtitle : tpl.subtitle_without_consent;
    return layout_header(font, tpl.title, subtitle, "ID: " + id, tpl.page);
}

Template parse_template(const std::string& yaml_text, const std::string& file, const FieldSchema& schema,
                        const std::function<bool(char32_t)>& drawable) {
    YamlReadOptions options;
    options.what = "template";
    options.one_document_hint = "a template is one document";
    Template t;
    read_or_throw(yaml_text, file, options, [&](SchemaChecker& c, const YNode& root) {
        t = TemplateReader(c, schema, drawable).read(root);
    });
    return t;
}

Template load_template(const std::string& path, const FieldSchema& schema, const std::function<bool(char32_t)>& drawable) {
    // A template is a few KB; 1 MiB is generous and stops /dev/zero.
    return parse_template(read_file_limited(path, 1024 * 1024, "template file"), path, schema, drawable);
}

}  // namespace sheetgen::render
