#include "render/template_fit.hpp"

#include <cmath>
#include <cstdio>

#include "common/error.hpp"
#include "common/utf8.hpp"
#include "layout/page_frame.hpp"
#include "render/sections.hpp"

namespace sheetgen::render {

namespace {

std::string fixed(double v, int decimals) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    return buf;
}

// Fraction (rounded up to 0.01) of `whole` that holds `label` on one line.
std::string fraction_for(const FontFace& font, const std::string& label, double size, double extra, double whole) {
    double need = 0;
    size_t b = 0;
    while (true) {  // the widest paragraph
        size_t e = label.find('\n', b);
        need = std::max(need, font.text_width(label.substr(b, e == std::string::npos ? std::string::npos : e - b), size));
        if (e == std::string::npos) break;
        b = e + 1;
    }
    return fixed(std::ceil((need + extra) / whole * 100 - 1e-9) / 100, 2);
}

struct Checker {
    const FontFace& font;
    const Style& st;
    double W;
    Lang lang;  // the template's: its choice values print in it

    double min_inner() const { return 2 * st.body_size; }  // two full-width characters

    // A column `inner` points wide (text area) must hold two characters.
    void narrow(const SourceLocation& at, double inner, const std::string& what) const {
        if (inner + 1e-6 >= min_inner()) return;
        throw InputError(at, what + " is too narrow to print in (" + fixed(std::max(inner, 0.0) / 72 * 25.4, 1) +
                                 " mm of text width; at least two characters, " + fixed(min_inner() / 72 * 25.4, 1) +
                                 " mm, are needed)");
    }
    // `label` printed in `inner` points; `hint` says which key to widen.
    void label(const SourceLocation& at, const std::string& text, double inner, const std::string& hint) const {
        std::string alone = stranded_line(font, text, st.body_size, inner);
        if (alone.empty()) return;
        throw InputError(at, "label '" + text + "' does not fit its column: it would wrap leaving '" + alone +
                                 "' alone on a line; " + hint + " (or shorten the label)");
    }

    // Label/value pairs: `pair_w` per pair, label fraction `lf`.
    void fields(const std::vector<FieldRef>& fs, double pair_w, double lf, double row_w, const std::string& key) const {
        double lw = pair_w * lf;
        for (const auto& f : fs) {
            double vw = f.wide ? row_w - lw : pair_w - lw;
            narrow(f.at, lw - 2 * st.pad, "the label column");
            narrow(f.at, vw - 2 * st.pad - (f.format == "check" ? st.body_size * 1.25 : 0), "the value column");
            label(f.at, f.label, lw - 2 * st.pad,
                  "set " + key + " to at least " + fraction_for(font, f.label, st.body_size, 2 * st.pad + 0.01, pair_w));
        }
    }

    void table(const SectionSpec& s, const FieldSchema& schema, bool tick_boxes) const {
        std::vector<double> widths = table_column_widths(s, W);
        const auto& cols = schema.tables.at(s.rows);
        for (size_t i = 0; i < s.table_columns.size(); ++i) {
            const FieldRef& c = s.table_columns[i];
            double inner = widths[i] - 2 * st.pad;
            double box = tick_boxes && i == 0 ? st.body_size * 1.25 : 0;  // body cells start with a box
            narrow(c.at, inner - box, "column '" + c.label + "'");
            std::string hint = "give this column a width of at least ";
            label(c.at, c.label, inner, hint + fraction_for(font, c.label, st.body_size, 2 * st.pad + 0.01, W));
            // Choice values (contact roles, device kinds) are labels too.
            auto it = cols.find(c.path);
            if (it == cols.end()) continue;
            for (const auto& v : lang == Lang::En ? it->second.enum_labels_en : it->second.enum_labels)
                label(c.at, v, inner - box, hint + fraction_for(font, v, st.body_size, 2 * st.pad + box + 0.01, W));
        }
    }
};

}  // namespace

Style sheet_style(const Template& tpl) {
    Style st;
    st.body_size = tpl.font_size;
    return st;
}

std::string stranded_line(const FontFace& font, const std::string& label, double size, double inner) {
    size_t b = 0;
    while (true) {
        size_t e = label.find('\n', b);
        std::string para = label.substr(b, e == std::string::npos ? std::string::npos : e - b);
        auto lines = wrap_text(font, para, size, std::max(inner, size));
        if (lines.size() > 1)
            for (const auto& l : lines)
                if (decode_utf8(l).size() <= 2) return l;
        if (e == std::string::npos) break;
        b = e + 1;
    }
    return "";
}

void check_template_fit(const Template& tpl, const FieldSchema& schema, const FontFace& font, const Style& st) {
    const double W = standard_content_area(tpl.page).w;
    Checker ck{font, st, W, tpl.lang};
    if (wrap_text(font, tpl.title, kTitleSize, title_width(font, tpl.page)).size() > kMaxTitleLines)
        throw InputError(tpl.title_at, "the title is too long for the page header (at most " +
                                           std::to_string(kMaxTitleLines) + " lines of " +
                                           fixed(title_width(font, tpl.page) / 72 * 25.4, 0) + " mm)");
    for (const auto& [sub, at] : {std::make_pair(&tpl.subtitle, &tpl.subtitle_at),
                                  std::make_pair(&tpl.subtitle_without_consent, &tpl.subtitle_without_consent_at)})
        if (!sub->empty() && wrap_text(font, *sub, kSubtitleSize, subtitle_width(font, kTypicalId, tpl.page)).size() > kMaxSubtitleLines)
            throw InputError(*at, "the subtitle is too long for the page header (at most " +
                                      std::to_string(kMaxSubtitleLines) + " lines of " +
                                      fixed(subtitle_width(font, kTypicalId, tpl.page) / 72 * 25.4, 0) + " mm)");
    // A card measures its own label column and shrinks its text (card.cpp).
    if (tpl.layout == "card") return;
    for (const auto& s : tpl.sections) {
        if (s.kind == "fields" || s.kind == "verdict") {
            ck.fields(s.fields, W / s.columns, s.label_width, W, "label_width");
        } else if (s.kind == "map" && !s.fields.empty()) {
            double side = map_side_width(s, W);
            ck.narrow(s.at, side - 4 * st.pad, "the block of fields beside the map (map_width too large)");
            ck.fields(s.fields, side, s.label_width, side, "label_width");
        } else if (s.kind == "signatures") {
            if (!s.fields.empty()) {
                int cols = std::max(1, std::min<int>(s.columns, static_cast<int>(s.fields.size())));
                ck.fields(s.fields, W / cols, s.label_width, W / cols, "label_width");
            }
            for (const auto& b : s.boxes) {
                ck.narrow(s.at, W / s.boxes.size() - 2 * st.pad, "a signature box");
                ck.label(s.at, b, W / s.boxes.size() - 2 * st.pad, "use fewer boxes");
            }
        } else if (s.kind == "checklist") {
            double inner = W / std::max(1, s.columns) - 2 * st.pad - st.body_size * 1.25;
            for (const auto& f : s.items) {
                ck.narrow(f.at, inner, "a checklist cell");
                ck.label(f.at, f.label, inner, "use fewer columns");
            }
        } else if (s.kind == "table" || s.kind == "check_table") {
            ck.table(s, schema, s.kind == "check_table");
        }
    }
}

}  // namespace sheetgen::render
