#include "render/plan_chart.hpp"

#include <algorithm>
#include <cmath>

#include "common/utf8.hpp"

namespace sheetgen::render {

namespace {

std::string device_label(const Device& d) { return d.name.empty() ? label_ja(d.kind) : d.name; }

// "ポータブル電源 500Wh": the model alone when it already names the kind.
std::string backup_label(const PowerBackup& b, const PowerSource& s) {
    std::string kind = s.label_ja;
    if (b.model.empty()) return kind;
    return b.model.find(kind) != std::string::npos ? b.model : kind + " " + b.model;
}

// Ticks every 24 h x 2^k, about eight of them at most.
double tick_step(double max_h) {
    double step = 24;
    while (max_h / step > 8) step *= 2;
    return step;
}

}  // namespace

Color step_color(PowerStep step) {
    switch (step) {
        case PowerStep::InternalBattery: return Color::hex(0x3E7CB1);
        case PowerStep::ExternalBattery: return Color::hex(0x8FBCE0);
        case PowerStep::PowerStation: return Color::hex(0x5DAA68);
        case PowerStep::CarInverter: return Color::hex(0xE3A33B);
        case PowerStep::Generator: return Color::hex(0xA77BC4);
    }
    return Color::hex(0x999999);
}

// The internal battery is the reserve kept for moving (used last), not a step.
std::string step_name(PowerStep step) {
    return step == PowerStep::InternalBattery ? "予備" : "STEP" + std::to_string(static_cast<int>(step));
}

RuntimeChart build_runtime_chart(const Profile& profile, const Verdict& verdict, const PowerModelOptions& options) {
    std::optional<DurationRange> isolation = verdict.exposure.duration;
    return build_runtime_chart(profile, model_power(profile, options), isolation, options);
}

RuntimeChart build_runtime_chart(const Profile& p, const PowerTimeline& tl, std::optional<DurationRange> isolation,
                                 const PowerModelOptions& options) {
    RuntimeChart c;
    if (tl.empty()) return c;
    // Bars in the order of use: each device's batteries before the shared
    // sources, the sources, then the internal batteries kept as the reserve.
    auto device_bars = [&](bool reserve) {
        for (const auto& dp : tl.devices) {
            const Device& d = p.devices.at(dp.device_index);
            for (const auto& seg : dp.segments) {
                if (seg.step != PowerStep::InternalBattery && seg.step != PowerStep::ExternalBattery) continue;
                const bool is_reserve = seg.step == PowerStep::InternalBattery && dp.reserve_h > 0;
                if (is_reserve != reserve) continue;
                ChartBar b;
                b.step = seg.step;
                b.label = device_label(d) + " " + seg.label_ja;
                if (seg.step == PowerStep::ExternalBattery && d.external_battery_count > 1)
                    b.label += " " + std::to_string(d.external_battery_count) + "個";
                b.start_h = seg.start_h;
                b.end_h = seg.end_h;
                b.device_index = dp.device_index;
                c.bars.push_back(std::move(b));
            }
        }
    };
    device_bars(false);
    for (const auto& s : tl.sources) {
        const PowerBackup& bk = p.power_backup.at(s.backup_index);
        ChartBar b;
        b.step = s.step;
        b.label = backup_label(bk, s);
        if (s.assumed_hours) b.label += "（" + format_hours(s.hours) + "時間と仮定）";
        b.start_h = s.start_h;
        b.end_h = s.end_h;
        b.backup_index = s.backup_index;
        c.bars.push_back(std::move(b));
    }
    device_bars(true);
    c.runtime_h = tl.runtime_h;
    if (tl.limiting_device) c.limiting_device = tl.devices[*tl.limiting_device].name_ja;
    c.shortfalls = shortfalls(tl, isolation, options);
    for (const auto& s : c.shortfalls) {
        std::string label;
        if (s.code == "carry_72h") label = "持ち出し 72時間";
        else if (s.code == "home_168h") label = "在宅避難 7日（168時間）";
        else label = "浸水継続 " + format_hours(s.target_h) + "時間";
        c.targets.push_back({s.code, label, s.target_h});
    }
    double max_h = 0;
    for (const auto& b : c.bars)
        if (b.end_h && std::isfinite(*b.end_h)) max_h = std::max(max_h, *b.end_h);
    for (const auto& t : c.targets) max_h = std::max(max_h, t.hours);
    if (std::isfinite(c.runtime_h)) max_h = std::max(max_h, c.runtime_h);
    c.tick_step_h = tick_step(max_h);
    c.axis_max_h = std::max(c.tick_step_h, std::ceil(max_h / c.tick_step_h - 1e-9) * c.tick_step_h);
    return c;
}

namespace {

struct Geometry {
    double label_w, x0, x1;  // label column, plot from x0 to x1
    double line_h, row_h, header_h, axis_h;
};

Geometry geometry(const RuntimeChart& c, const Rect& box, const FontFace& font, double size) {
    Geometry g;
    double widest = 0;
    for (const auto& b : c.bars) widest = std::max(widest, font.text_width(b.label, size));
    g.label_w = std::min(box.w * 0.34, widest + 8);
    g.x0 = box.x + g.label_w;
    g.x1 = box.x + box.w - size * 2.2;  // room for the last tick label
    g.line_h = size * 1.35;
    g.row_h = size * 1.9;
    g.header_h = (c.targets.size() + 1) * g.line_h + 2;
    g.axis_h = size * 2.8;
    return g;
}

// A label that fits `width`: smaller type down to 80 %, then cut with 「…」.
TextOp fitted_label(double x, double base, double width, double size, const std::string& text, const FontFace& font,
                    Color ink) {
    double w = font.text_width(text, size);
    if (w <= width) return TextOp{x, base, size, text, ink};
    double s = std::max(size * 0.8, size * width / w);
    std::u32string cps;
    for (char32_t c : decode_utf8(text)) cps.push_back(c);
    std::string out = text;
    while (!cps.empty() && font.text_width(out, s) > width) {
        cps.pop_back();
        out.clear();
        for (char32_t c : cps) out += encode_utf8(c);
        out += "…";
    }
    return TextOp{x, base, s, out, ink};
}

// Left edge of a bar's value label `w` wide that no target or runtime line
// crosses: right of the bar (`right_from`) when clear; else the clear place
// nearest the bar, stepping right past lines or, left of the bar (ending at
// `left_to`, 0 = not allowed), stepping left; else right of the bar as it
// is. The plot spans lo..hi.
double place_bar_label(double right_from, double lo, double hi, double w, const std::vector<double>& lines,
                       double left_to) {
    const double clear = 1.5;  // keeps the white backing off the line too
    auto hit = [&](double x) -> const double* {
        for (const double& l : lines)
            if (l > x - clear && l < x + w + clear) return &l;
        return nullptr;
    };
    double r = right_from;
    for (const double* l = hit(r); l; l = hit(r)) r = *l + clear + 0.5;
    bool right_ok = r + w <= hi;
    if (right_ok && r == right_from) return r;  // right next to the bar
    if (left_to > 0) {  // the side where the label stays closer to its bar
        double x = left_to - w;
        for (const double* l = hit(x); l; l = hit(x)) x = *l - clear - 0.5 - w;
        if (x >= lo && (!right_ok || left_to - w - x < r - right_from)) return x;
    }
    if (right_ok) return r;
    return std::min(right_from, std::max(lo, hi - w));
}

double x_of(const Geometry& g, const RuntimeChart& c, double h) {
    double t = std::clamp(h / c.axis_max_h, 0.0, 1.0);
    return g.x0 + (g.x1 - g.x0) * t;
}

}  // namespace

double runtime_chart_height(const RuntimeChart& c, double size) {
    double line_h = size * 1.35, row_h = size * 1.9;
    return (c.targets.size() + 1) * line_h + 2 + std::max<size_t>(c.bars.size(), 1) * row_h + size * 2.8 + 4;
}

void draw_runtime_chart(PageOps& page, const Rect& box, const RuntimeChart& c, const FontFace& font, double size) {
    const Color ink = Color::hex(0x111111), grid = Color::hex(0xCCCCCC), grey = Color::hex(0x666666);
    Geometry g = geometry(c, box, font, size);
    double plot_top = box.y + g.header_h;
    double plot_h = std::max<size_t>(c.bars.size(), 1) * g.row_h;
    double plot_bottom = plot_top + plot_h;
    double asc = font.ascent() * size;

    // Time after the household's power stops, shaded.
    double xr = x_of(g, c, c.runtime_h);
    if (xr < g.x1) page.ops.push_back(RectOp{xr, plot_top, g.x1 - xr, plot_h, Color::hex(0xFBE3E3), std::nullopt, 0.5});
    page.ops.push_back(RectOp{g.x0, plot_top, g.x1 - g.x0, plot_h, std::nullopt, grey, 0.5});

    // Grid and ticks.
    for (double t = 0; t <= c.axis_max_h + 1e-9; t += c.tick_step_h) {
        double x = x_of(g, c, t);
        if (t > 0 && t < c.axis_max_h - 1e-9) page.ops.push_back(LineOp{x, plot_top, x, plot_bottom, grid, 0.4, false});
        page.ops.push_back(LineOp{x, plot_bottom, x, plot_bottom + 2.5, ink, 0.5, false});
        std::string lab = format_hours(t);
        double w = font.text_width(lab, size * 0.9);
        page.ops.push_back(TextOp{x - w / 2, plot_bottom + 3 + asc * 0.9, size * 0.9, lab, ink});
    }
    std::string axis_title = "停電からの経過時間（時間）";
    page.ops.push_back(TextOp{g.x1 - font.text_width(axis_title, size * 0.85), plot_bottom + 4 + size * 2.0,
                              size * 0.85, axis_title, grey});

    // Bars first, then the target and runtime lines over them, then the
    // labels on a white backing so no line runs through a number.
    double bar_h = size * 1.15;
    for (size_t i = 0; i < c.bars.size(); ++i) {
        const ChartBar& b = c.bars[i];
        if (!b.start_h || !b.end_h) continue;
        double xa = x_of(g, c, *b.start_h), xb = x_of(g, c, *b.end_h);
        double by = plot_top + i * g.row_h + (g.row_h - bar_h) / 2;
        page.ops.push_back(RectOp{xa, by, std::max(xb - xa, 0.8), bar_h, step_color(b.step), Color::hex(0x333333), 0.4});
    }

    // Target lines, each with its own label line above the plot, then the runtime.
    std::vector<TextOp> header;
    auto label_at = [&](double x, double line, const std::string& text, Color col) {
        // Right of the line when it fits, else left of it; on the wider side,
        // shortened, when it fits on neither.
        double w = font.text_width(text, size * 0.9);
        double right = box.x + box.w - (x + 2), left = x - 2 - box.x;
        double y = box.y + line * g.line_h + asc * 0.9 + 1;
        bool on_right = w <= right || (w > left && right >= left);
        TextOp t = fitted_label(x + 2, y, on_right ? right : left, size * 0.9, text, font, col);
        if (!on_right) t.x = std::max(box.x, x - 2 - font.text_width(t.text, t.size));
        header.push_back(t);  // drawn last, over every connector line
        page.ops.push_back(LineOp{x, box.y + line * g.line_h + 1, x, plot_top, col, 0.4, true});
    };
    for (size_t i = 0; i < c.targets.size(); ++i) {
        const auto& t = c.targets[i];
        Color col = t.code == "isolation" ? Color::hex(0x1F5FBF) : t.code == "carry_72h" ? Color::hex(0xB85C00) : Color::hex(0x444444);
        double x = x_of(g, c, t.hours);
        label_at(x, static_cast<double>(i), t.label, col);
        page.ops.push_back(LineOp{x, plot_top, x, plot_bottom, col, 1.0, true});
    }
    Color red = Color::hex(0xC00000);
    std::string rt = "電源が尽きる " + format_hours(c.runtime_h) + "時間" +
                     (c.limiting_device.empty() ? std::string() : "（" + c.limiting_device + "）");
    label_at(xr, static_cast<double>(c.targets.size()), rt, red);
    page.ops.push_back(LineOp{xr, plot_top, xr, plot_bottom, red, 1.4, false});
    std::vector<double> lines{xr};
    for (const auto& t : c.targets) lines.push_back(x_of(g, c, t.hours));
    for (size_t i = 0; i < c.bars.size(); ++i) {
        const ChartBar& b = c.bars[i];
        double base = plot_top + i * g.row_h + (g.row_h - size) / 2 + asc;
        page.ops.push_back(fitted_label(box.x + 1, base, g.label_w - 4, size, b.label, font, ink));
        std::string t = "計算に含めず（機器の消費電力が不明）";
        double tw = font.text_width(t, size * 0.85);
        double tx = place_bar_label(g.x0 + 3, g.x0 + 1, box.x + box.w, tw, lines, 0);
        if (b.start_h && b.end_h) {
            t = format_hours(*b.start_h) + "〜" + format_hours(*b.end_h) + "時間";
            tw = font.text_width(t, size * 0.85);
            double xa = x_of(g, c, *b.start_h), xb = x_of(g, c, *b.end_h);
            tx = place_bar_label(xb + 2.5, g.x0 + 1, box.x + box.w, tw, lines, xa - 2.5);
        }
        page.ops.push_back(RectOp{tx - 0.8, base - asc * 0.85 - 0.6, tw + 1.6, size * 1.05, Color::hex(0xFFFFFF), std::nullopt, 0});
        page.ops.push_back(TextOp{tx, base, size * 0.85, t, b.start_h ? ink : grey});
    }
    for (const auto& t : header) {
        page.ops.push_back(RectOp{t.x - 0.8, t.y - asc * 0.9 - 0.6, font.text_width(t.text, t.size) + 1.6, t.size * 1.15,
                                  Color::hex(0xFFFFFF), std::nullopt, 0});
        page.ops.push_back(t);
    }
    if (c.bars.empty())
        page.ops.push_back(TextOp{g.x0 + 3, plot_top + (g.row_h - size) / 2 + asc, size, "バッテリー・予備電源の登録なし", grey});
}

}  // namespace sheetgen::render
