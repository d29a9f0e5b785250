#include "render/plan_sections.hpp"

#include <algorithm>

#include "render/plan_chart.hpp"

namespace sheetgen::render {

namespace {

Cell make_cell(double width, std::string text, std::optional<Color> fill = std::nullopt) {
    Cell c = text_cell(width, std::move(text));
    c.fill = fill;
    return c;
}

// Legend: one swatch per power step drawn, then the target and runtime lines.
double legend_height(double size) { return size * 1.8; }

void draw_legend(PageOps& page, const Rect& r, const RuntimeChart& c, const FontFace& font, double size) {
    const Color ink = Color::hex(0x333333);
    double x = r.x + 1, base = r.y + size * 1.2;
    double ls = size * 0.85;
    std::vector<PowerStep> steps;
    for (const auto& b : c.bars)
        if (std::find(steps.begin(), steps.end(), b.step) == steps.end()) steps.push_back(b.step);
    std::sort(steps.begin(), steps.end());
    auto step_label = [](PowerStep s) -> std::string {
        switch (s) {
            case PowerStep::InternalBattery: return "内部バッテリー";
            case PowerStep::ExternalBattery: return "外部バッテリー";
            case PowerStep::PowerStation: return "ポータブル電源";
            case PowerStep::CarInverter: return "車";
            case PowerStep::Generator: return "発電機";
        }
        return "";
    };
    for (PowerStep s : steps) {
        std::string t = step_name(s) + " " + step_label(s);
        page.ops.push_back(RectOp{x, base - ls * 0.85, ls * 1.4, ls * 0.85, step_color(s), Color::hex(0x333333), 0.4});
        x += ls * 1.4 + 2;
        page.ops.push_back(TextOp{x, base, ls, t, ink});
        x += font.text_width(t, ls) + 8;
    }
    double y = base - ls * 0.35;
    page.ops.push_back(LineOp{x, y, x + 12, y, Color::hex(0xC00000), 1.4, false});
    x += 14;
    std::string t = "電源が尽きる時刻";
    page.ops.push_back(TextOp{x, base, ls, t, ink});
    x += font.text_width(t, ls) + 8;
    page.ops.push_back(RectOp{x, base - ls * 0.85, ls * 1.4, ls * 0.85, Color::hex(0xFBE3E3), Color::hex(0x999999), 0.4});
    x += ls * 1.4 + 2;
    t = "電源のない時間";
    page.ops.push_back(TextOp{x, base, ls, t, ink});
    x += font.text_width(t, ls) + 8;
    page.ops.push_back(LineOp{x, y, x + 12, y, Color::hex(0x444444), 1.0, true});
    x += 14;
    page.ops.push_back(TextOp{x, base, ls, "目標（破線）", ink});
}

}  // namespace

void layout_power_chart(const SectionSpec& s, SheetContext& ctx) {
    Flow& flow = ctx.flow;
    RuntimeChart chart = build_runtime_chart(ctx.profile, ctx.verdict);
    double size = flow.style().body_size;
    if (chart.empty()) {
        std::vector<Cell> row{make_cell(flow.width(), "停電時に電源が必要な医療機器の登録がありません")};
        if (!s.title.empty()) flow.heading(s.title, flow.row_height(row));
        flow.row(row);
        return;
    }
    // Bar labels are profile text: make them drawable (〓 + warning) like any field.
    for (auto& b : chart.bars) b.label = ctx.drawable(b.label, "power_chart.label");
    chart.limiting_device = ctx.drawable(chart.limiting_device, "power_chart.label");
    double ch = runtime_chart_height(chart, size);
    double h = ch + legend_height(size) + 4;
    if (!s.title.empty()) flow.heading(s.title, h);
    flow.gap(3);
    flow.block(h, [&](const Rect& area, PageOps& page) {
        draw_runtime_chart(page, Rect{area.x, area.y, area.w, ch}, chart, flow.font(), size);
        draw_legend(page, Rect{area.x, area.y + ch, area.w, legend_height(size)}, chart, flow.font(), size);
    });
}

void layout_check_table(const SectionSpec& s, SheetContext& ctx) { layout_ruled_table(s, ctx, true); }

void layout_signatures(const SectionSpec& s, SheetContext& ctx) {
    Flow& flow = ctx.flow;
    const Style& st = flow.style();
    double W = flow.width();
    std::vector<std::vector<Cell>> rows;
    if (!s.fields.empty()) {
        int cols = std::max(1, std::min<int>(s.columns, static_cast<int>(s.fields.size())));
        double pw = W / cols, lw = pw * s.label_width;
        std::vector<Cell> cur;
        for (const auto& f : s.fields) {
            cur.push_back(make_cell(lw, f.label, st.label_fill));
            cur.push_back(make_cell(pw - lw, ctx.value(f.path, f.format)));
            if (static_cast<int>(cur.size()) == 2 * cols) {
                rows.push_back(std::move(cur));
                cur.clear();
            }
        }
        if (!cur.empty()) {
            double used = 0;
            for (const auto& c : cur) used += c.width;
            cur.push_back(make_cell(W - used, ""));
            rows.push_back(std::move(cur));
        }
    }
    if (!s.boxes.empty()) {
        double bw = W / s.boxes.size();
        std::vector<Cell> boxes;
        // Label on top, three blank lines below to sign or write the date.
        for (const auto& b : s.boxes) boxes.push_back(make_cell(bw, b + "\n\n\n"));
        rows.push_back(std::move(boxes));
    }
    double total = 0;
    for (const auto& r : rows) total += flow.row_height(r);
    if (!s.title.empty()) flow.heading(s.title, total);
    flow.keep(total);
    for (const auto& r : rows) flow.row(r);
}

}  // namespace sheetgen::render
