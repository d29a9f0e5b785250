#include "render/sections.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "common/utf8.hpp"
#include "render/map.hpp"
#include "render/plan_sections.hpp"
#include "render/words.hpp"

namespace sheetgen::render {

namespace {

constexpr double kPtPerMm = 72.0 / 25.4;
// A heading or table header is never left at the foot of a page with fewer
// than this many of its rows (or all of them, when there are fewer).
constexpr size_t kKeepRows = 2;

// ---- fields: key-value grid, `columns` label/value pairs per row ----------
std::vector<std::vector<Cell>> field_rows(const std::vector<FieldRef>& fields, int columns, double label_width,
                                          double width, SheetContext& ctx) {
    const Style& st = ctx.flow.style();
    std::vector<std::vector<Cell>> rows;
    double pair_w = width / columns;
    double lw = pair_w * label_width;
    std::vector<Cell> cur;
    int used = 0;
    auto flush = [&] {
        if (cur.empty()) return;
        if (used < columns) {  // fill the rest of the row with one blank cell
            double rest = width;
            for (const auto& c : cur) rest -= c.width;
            cur.push_back(Cell{rest, "", 0, std::nullopt, std::nullopt, std::nullopt, true, false});
        }
        rows.push_back(std::move(cur));
        cur.clear();
        used = 0;
    };
    for (const auto& f : fields) {
        if (f.wide) flush();
        double vw = f.wide ? width - lw : pair_w - lw;
        cur.push_back(Cell{lw, ctx.label(f), 0, st.label_fill, std::nullopt, std::nullopt, true, false});
        Cell value{vw, ctx.value(f.path, f.format), 0, std::nullopt, std::nullopt, std::nullopt, true, false};
        if (f.format == "check") value.check = ctx.flag(f.path);
        cur.push_back(value);
        used += f.wide ? columns : 1;
        if (used >= columns) flush();
    }
    flush();
    return rows;
}

// Height of the first `n` rows: what a heading (or a table header) keeps with.
double lead_height(const Flow& flow, const std::vector<std::vector<Cell>>& rows, size_t n = kKeepRows) {
    double h = 0;
    for (size_t i = 0; i < rows.size() && i < n; ++i) h += flow.row_height(rows[i]);
    return h;
}

void layout_fields(const SectionSpec& s, SheetContext& ctx) {
    auto rows = field_rows(s.fields, s.columns, s.label_width, ctx.flow.width(), ctx);
    if (!s.title.empty()) ctx.flow.heading(s.title, lead_height(ctx.flow, rows));
    for (const auto& r : rows) ctx.flow.row(r);
}

}  // namespace

std::vector<double> table_column_widths(const SectionSpec& s, double W) {
    double fixed = 0;
    int flexible = 0;
    for (const auto& c : s.table_columns) {
        fixed += c.width;
        if (c.width <= 0) ++flexible;
    }
    std::vector<double> widths;
    for (const auto& c : s.table_columns)
        widths.push_back(c.width > 0 ? c.width * W : (flexible ? (1 - fixed) * W / flexible : 0));
    if (flexible == 0 && fixed < 1 && !widths.empty()) widths.back() += (1 - fixed) * W;  // fill the line
    return widths;
}

double map_side_width(const SectionSpec& s, double W) { return W - W * s.map_width - 4; }

// ---- table: ruled rows from a list, header repeated on every page ---------
void layout_ruled_table(const SectionSpec& s, SheetContext& ctx, bool tick_boxes) {
    Flow& flow = ctx.flow;
    const Style& st = flow.style();
    const auto& all = ctx.model.tables.at(s.rows);
    double W = flow.width();
    std::vector<double> widths = table_column_widths(s, W);

    std::vector<Cell> header;
    for (size_t i = 0; i < s.table_columns.size(); ++i)
        header.push_back(Cell{widths[i], s.table_columns[i].label, 0, st.label_fill, std::nullopt, std::nullopt, true, true});

    std::vector<std::vector<Cell>> body;
    for (size_t ri = 0; ri < all.size(); ++ri) {
        const Record& row = all[ri];
        bool keep = true;
        for (const auto& [col, values] : s.where) {
            auto it = row.find(col);
            const FieldValue* v = it == row.end() ? nullptr : &it->second;
            std::string key = v ? (v->type == ValueType::Enum ? v->key : v->text) : "";
            if (std::find(values.begin(), values.end(), key) == values.end()) keep = false;
        }
        if (!keep) continue;
        std::vector<Cell> cells;
        for (size_t i = 0; i < s.table_columns.size(); ++i)
            cells.push_back(Cell{widths[i], ctx.cell(s.rows, ri, row, s.table_columns[i].path, s.table_columns[i].format), 0,
                                 std::nullopt, std::nullopt,
                                 tick_boxes && i == 0 ? std::optional<bool>(false) : std::nullopt,  // a box to tick by hand
                                 true, false});
        body.push_back(std::move(cells));
    }
    // Keep-with-next: the heading and the header row go with the first
    // kKeepRows body rows, so a header never ends a page. A table too short
    // to leave kKeepRows rows on both sides of a break is kept whole.
    size_t lead = body.size() < 2 * kKeepRows ? body.size() : kKeepRows;
    double first = flow.row_height(header) + (body.empty() ? flow.line_height() + 2 * st.pad : lead_height(flow, body, lead));
    if (!s.title.empty()) flow.heading(s.title, first);
    flow.keep(first);
    flow.row(header);
    if (body.empty()) {
        flow.row({Cell{W, s.empty_text, 0, std::nullopt, Color::hex(0x666666), std::nullopt, true, false}});
        return;
    }
    size_t on_page = 0;  // body rows under the header on this page
    flow.set_on_new_page([&] {
        if (!s.title.empty()) flow.heading(s.title + word(Word::Continued, ctx.tpl.lang), 0);
        flow.row(header);
        on_page = 0;
    });
    for (size_t i = 0; i < body.size(); ++i) {
        // Widow control: the last kKeepRows rows go over together rather than
        // one row alone under a continued header, when enough stay behind.
        if (i + kKeepRows == body.size() && on_page >= kKeepRows && !flow.at_page_top()) {
            double tail = lead_height(flow, {body.begin() + static_cast<std::ptrdiff_t>(i), body.end()});
            if (tail > flow.remaining() && tail <= flow.content().h * 0.5) flow.new_page();
        }
        flow.row(body[i]);
        ++on_page;
    }
    flow.set_on_new_page({});
}

namespace {

void layout_table(const SectionSpec& s, SheetContext& ctx) { layout_ruled_table(s, ctx, false); }

// ---- checklist: vector check boxes for yes/no fields -----------------------
void layout_checklist(const SectionSpec& s, SheetContext& ctx) {
    Flow& flow = ctx.flow;
    int cols = std::max(1, s.columns);
    double cw = flow.width() / cols;
    std::vector<std::vector<Cell>> rows;
    std::vector<Cell> cur;
    for (const auto& item : s.items) {
        Cell c{cw, ctx.label(item), 0, std::nullopt, std::nullopt, ctx.flag(item.path), true, false};
        cur.push_back(c);
        if (static_cast<int>(cur.size()) == cols) {
            rows.push_back(std::move(cur));
            cur.clear();
        }
    }
    if (!cur.empty()) {
        cur.push_back(Cell{flow.width() - cw * cur.size(), "", 0, std::nullopt, std::nullopt, std::nullopt, true, false});
        rows.push_back(std::move(cur));
    }
    if (!s.title.empty()) flow.heading(s.title, flow.row_height(rows.front()));
    for (const auto& r : rows) flow.row(r);
}

// ---- text: a free-text box, split across pages when long -------------------
void layout_text(const SectionSpec& s, SheetContext& ctx) {
    Flow& flow = ctx.flow;
    std::string t = ctx.value(s.text.path, s.text.format);
    // Pad with blank lines up to min_height so there is room to write by hand.
    double lh = flow.line_height();
    int min_lines = static_cast<int>(std::ceil((s.min_height_mm * kPtPerMm - 2 * flow.style().pad) / lh));
    std::vector<Cell> row{Cell{flow.width(), t, 0, std::nullopt, std::nullopt, std::nullopt, true, false}};
    int have = static_cast<int>(wrap_text(flow.font(), t, flow.style().body_size, flow.width() - 2 * flow.style().pad).size());
    for (int i = have; i < min_lines; ++i) row[0].text += "\n";
    // An empty box with no room asked for handwriting (min_height 0) carries
    // nothing: rather than start a page for it alone, it is left out.
    if (t.empty() && s.min_height_mm <= 0 && !flow.at_page_top()) {
        double need = flow.row_height(row) + (s.title.empty() ? 0 : flow.style().section_gap + flow.heading_height(s.title));
        if (need > flow.remaining()) return;
    }
    if (!s.title.empty()) flow.heading(s.title, std::min(flow.row_height(row), 4 * lh));
    flow.row(row);
}

// ---- verdict: coloured level box + label + reasons -------------------------
Color level_fill(Priority p) {
    switch (p) {
        case Priority::A: return Color::hex(0xF4A6A6);
        case Priority::B: return Color::hex(0xFFD29A);
        case Priority::C: return Color::hex(0xFFF1A8);
        case Priority::D: return Color::hex(0xCFE8CF);
    }
    return Color::hex(0xFFFFFF);
}

void layout_verdict(const SectionSpec& s, SheetContext& ctx) {
    Flow& flow = ctx.flow;
    std::string level = ctx.value("verdict.level", "");
    std::string label = ctx.value("verdict.level_label", "");
    std::string reasons = ctx.value("verdict.reasons", "lines");
    double lw = 34;
    std::vector<Cell> row{
        Cell{lw, level, 20, level_fill(ctx.verdict.level), std::nullopt, std::nullopt, true, true},
        Cell{flow.width() - lw, label + (reasons.empty() ? "" : "\n" + reasons), 0, std::nullopt, std::nullopt, std::nullopt, true, false}};
    if (!s.title.empty()) flow.heading(s.title, flow.row_height(row));
    flow.row(row);
    if (!s.fields.empty())
        for (const auto& r : field_rows(s.fields, s.columns, s.label_width, flow.width(), ctx)) flow.row(r);
}

// ---- changes: what changed since the last plan (render --changes) --------
// One shaded box of short lines, in the family's words. A household without
// changes prints nothing at all, not even the heading: its sheet is the same
// as with a template without this section.
void layout_changes(const SectionSpec& s, SheetContext& ctx) {
    if (!ctx.changes || ctx.changes->lines.empty()) return;
    Flow& flow = ctx.flow;
    std::string text;
    for (const std::string& line : ctx.changes->lines) text += (text.empty() ? "・" : "\n・") + line;
    std::vector<Cell> row{Cell{flow.width(), ctx.drawable(text, "changes"), 0, Color::hex(0xFFF3D6), std::nullopt,
                               std::nullopt, true, false}};
    if (!s.title.empty()) flow.heading(s.title, flow.row_height(row));
    flow.row(row);
}

// ---- map: optional key-value block on the left, map inset on the right ----
void layout_map(const SectionSpec& s, SheetContext& ctx) {
    Flow& flow = ctx.flow;
    double W = flow.width();
    double mw = s.fields.empty() ? W : W * s.map_width;
    double lw = map_side_width(s, W);
    double mh = s.height_mm * kPtPerMm;
    // Draw the map once at the origin: its legend (what was drawn) sets the
    // height of the legend strip; the drawing is moved into place below.
    PageOps drawn;
    // A withdrawn planned site (render --changes) is not labelled on the map either.
    std::optional<Verdict> without_planned;
    if (ctx.changes && ctx.changes->planned_site_withdrawn) {
        without_planned = ctx.verdict;
        without_planned->planned_shelter.reset();
    }
    MapLegend legend = draw_map(drawn, Rect{0, 0, mw, mh}, ctx.map, ctx.profile,
                                without_planned ? *without_planned : ctx.verdict, flow.font(), ctx.tpl.lang);
    double legend_h = std::max(map_legend_height(legend, mw, flow.font()), 4.0) + 1;
    auto rows = s.fields.empty() ? std::vector<std::vector<Cell>>{}
                                 : field_rows(s.fields, 1, s.label_width, lw, ctx);
    double left_h = 0;
    for (const auto& r : rows) left_h += flow.row_height(r);
    double h = std::max(mh + legend_h, left_h);
    if (h > flow.content().h * 0.8) {
        // Very long values beside the map would run off the page: print the
        // map alone, then the fields as ordinary rows that can flow on.
        rows.clear();
        h = mh + legend_h;
    }
    if (!s.title.empty()) flow.heading(s.title, h + 2);
    flow.gap(2);
    flow.block(h, [&](const Rect& area, PageOps& page) {
        double y = area.y;
        for (const auto& r : rows) y += flow.draw_row_at(page, area.x, y, r);
        Rect box{area.x + W - mw, area.y, mw, mh};
        append_moved(page, drawn, box.x, box.y);
        draw_map_legend(page, Rect{box.x, box.y + mh + 1, mw, legend_h - 1}, legend, flow.font());
    });
    if (rows.empty() && !s.fields.empty())
        for (const auto& r : field_rows(s.fields, 1, s.label_width * (1 - s.map_width), W, ctx)) flow.row(r);
}

}  // namespace

namespace {

// ---- photo: an empty box for a printed photo (fridge sheet), fields beside it
void layout_photo(const SectionSpec& s, SheetContext& ctx) {
    Flow& flow = ctx.flow;
    const double W = flow.width();
    const double ph = s.height_mm * kPtPerMm, pw = ph * 0.75;  // 4:3, like an ID photo
    auto rows = s.fields.empty() ? std::vector<std::vector<Cell>>{}
                                 : field_rows(s.fields, 1, s.label_width, W - pw - 6, ctx);
    double left_h = 0;
    for (const auto& r : rows) left_h += flow.row_height(r);
    std::vector<std::vector<Cell>> after;
    if (left_h > flow.content().h * 0.6) {  // very long values: the fields flow on below the box
        after = field_rows(s.fields, 1, s.label_width * (W - pw - 6) / W, W, ctx);
        rows.clear();
        left_h = 0;
    }
    const double h = std::max(ph, left_h);
    if (!s.title.empty()) flow.heading(s.title, h + 2);
    flow.gap(2);
    flow.block(h, [&](const Rect& area, PageOps& page) {
        double y = area.y;
        for (const auto& r : rows) y += flow.draw_row_at(page, area.x, y, r);
        const double bx = area.x + W - pw;
        page.ops.push_back(RectOp{bx, area.y, pw, ph, std::nullopt, flow.style().rule, 0.6});
        const Color grey = Color::hex(0x888888);
        const Lang l = ctx.tpl.lang;
        for (auto [text, dy] : {std::make_pair(word(Word::Photo, l), -4.0), std::make_pair(word(Word::PhotoHint, l), 8.0)}) {
            const double size = dy < 0 ? 9 : 6.5;
            page.ops.push_back(TextOp{bx + (pw - flow.font().text_width(text, size)) / 2, area.y + ph / 2 + dy, size, text, grey});
        }
    });
    for (const auto& r : after) flow.row(r);
}

}  // namespace

const std::vector<SectionKind>& section_kinds() {
    static const std::vector<SectionKind> kinds = {
        {"fields", {"fields", "columns", "label_width"}, {"fields"}, layout_fields},
        {"table", {"rows", "where", "columns", "empty"}, {"rows", "columns"}, layout_table},
        {"checklist", {"items", "columns"}, {"items"}, layout_checklist},
        {"text", {"path", "format", "min_height"}, {"path"}, layout_text},
        {"verdict", {"fields", "columns", "label_width"}, {}, layout_verdict},
        {"map", {"fields", "label_width", "height", "map_width"}, {}, layout_map},
        {"photo", {"fields", "label_width", "height"}, {}, layout_photo},
        {"changes", {}, {}, layout_changes},
        // Ventilator plan kinds (plan_sections.cpp).
        {"power_chart", {}, {}, layout_power_chart},
        {"check_table", {"rows", "where", "columns", "empty"}, {"rows", "columns"}, layout_check_table},
        {"signatures", {"fields", "columns", "label_width", "boxes"}, {}, layout_signatures},
    };
    return kinds;
}

const SectionKind* find_section_kind(const std::string& name) {
    for (const auto& k : section_kinds())
        if (k.name == name) return &k;
    return nullptr;
}

std::pair<double, double> map_box_size(const Template& tpl, double content_width) {
    for (const auto& s : tpl.sections)
        if (s.kind == "map") return {s.fields.empty() ? content_width : content_width * s.map_width, s.height_mm * kPtPerMm};
    return {content_width, 60 * kPtPerMm};
}

std::string SheetContext::drawable(const std::string& text, const std::string& field_path) {
    std::string out;
    out.reserve(text.size());
    for (char32_t c : decode_utf8(text)) {
        if (c == U'\n') {
            out += '\n';
            continue;
        }
        if (c == U'\t') c = U' ';
        if (c < 0x20 || c == 0x7F) continue;  // other control characters print nothing
        if (c == layout::kWordJoiner) {  // no glyph, but the line breaking needs it (a term kept whole)
            out += encode_utf8(c);
            continue;
        }
        if (!flow.font().has_glyph(c)) {
            if (warned.insert({field_path, c}).second) {
                char buf[160];
                std::snprintf(buf, sizeof buf, "household %s: %s: character U+%04X cannot be printed (%s); printed as 〓",
                              profile.id.c_str(), field_path.c_str(), static_cast<unsigned>(c),
                              c > 0xFFFF ? "outside the Basic Multilingual Plane, unsupported by libharu 2.3.0"
                                         : "not in the font");
                warnings.push_back(Diagnostic{SourceLocation{profile.source_file, 0, 0}, buf, Severity::Warning});
            }
            c = U'〓';
        }
        out += encode_utf8(c);
    }
    return out;
}

std::string SheetContext::value(const std::string& path, const std::string& format) {
    auto it = model.scalars.find(path);
    if (it == model.scalars.end()) return "";
    return drawable(format_value(it->second, format, date, tpl.lang), path);
}

std::string SheetContext::cell(const std::string& table, size_t index, const Record& row, const std::string& column,
                               const std::string& format) {
    auto it = row.find(column);
    if (it == row.end()) return "";
    return drawable(format_value(it->second, format, date, tpl.lang), table + "[" + std::to_string(index) + "]." + column);
}

std::string SheetContext::label(const FieldRef& f) {
    if (f.label_path.empty()) return f.label;
    const std::string v = value(f.label_path, "");
    return v.empty() ? f.label : v;
}

bool SheetContext::flag(const std::string& path) const {
    auto it = model.scalars.find(path);
    return it != model.scalars.end() && it->second.type == ValueType::Bool && it->second.flag;
}

namespace {

void layout_section(const SectionSpec& s, SheetContext& ctx) {
    if (s.page_break && !ctx.flow.at_page_top()) ctx.flow.new_page();
    if (const SectionKind* k = find_section_kind(s.kind)) k->layout(s, ctx);
}

// Kinds that print one small box (no list that grows with the household):
// such sections must not stand alone on the last page.
bool is_box_kind(const std::string& kind) {
    return kind == "text" || kind == "fields" || kind == "signatures" || kind == "checklist" || kind == "changes";
}

}  // namespace

void layout_sheet(SheetContext& ctx) {
    Flow& flow = ctx.flow;
    const auto& secs = ctx.tpl.sections;
    std::vector<Flow::Mark> start(secs.size()), end(secs.size());
    std::vector<bool> drew(secs.size(), false);
    for (size_t i = 0; i < secs.size(); ++i) {
        start[i] = flow.mark();
        layout_section(secs[i], ctx);
        end[i] = flow.mark();
        drew[i] = end[i].pages != start[i].pages || end[i].ops != start[i].ops;
    }
    // A trailing box alone on the last page (a signature block, a one-row
    // fields section that did not fit under the page above) is kept with the
    // section before it: that section is laid out again with the foot of its
    // last page, from just above its last row, kept free, so that row (and
    // the boxes after it) move over to the run.
    size_t last = flow.page_index();
    if (last == 0) return;
    size_t t = secs.size();  // first section of the trailing run
    while (t > 0) {
        const SectionSpec& s = secs[t - 1];
        if (!drew[t - 1]) {
            --t;
            continue;
        }
        bool on_last_only = start[t - 1].pages - 1 == last ||
                            flow.ops_on_page(start[t - 1].pages - 1) == start[t - 1].ops;
        if (!is_box_kind(s.kind) || s.page_break || !on_last_only) break;
        --t;
    }
    if (t == secs.size() || t == 0) return;
    // The run must own the whole last page: the section before it ended above.
    if (start[t].pages - 1 == last && start[t].ops != 0) return;
    double run_h = flow.y() - flow.content().y;
    if (run_h > flow.content().h / 3) return;  // not a small box: a page of its own is fine
    // Lay out again from the section that gives rows to the run: the nearest
    // one before it that is not itself a small box (a box just above, such
    // as an empty notes box, moves or stays along with it).
    size_t p = t;
    while (p > 0 && (!drew[p - 1] || is_box_kind(secs[p - 1].kind))) --p;
    if (p == 0) {
        p = t;
        while (p > 0 && !drew[p - 1]) --p;
        if (p == 0) return;
    }
    --p;
    if (end[p].pages - 1 != last - 1) return;  // it did not end on the page above
    Flow::Mark before = start[p];
    flow.rewind(before);
    flow.reserve_on_page(last - 1, flow.content().bottom() - end[p].y + 1);
    for (size_t i = p; i < secs.size(); ++i) layout_section(secs[i], ctx);
    flow.reserve_on_page(static_cast<size_t>(-1), 0);
    if (flow.page_index() != last) {  // could not help: keep the first layout
        flow.rewind(before);
        for (size_t i = p; i < secs.size(); ++i) layout_section(secs[i], ctx);
    }
}

}  // namespace sheetgen::render
