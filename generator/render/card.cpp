#include "render/card.hpp"

#include <algorithm>

namespace sheetgen::render {

namespace {

constexpr double kMm = 72.0 / 25.4;
constexpr double kPad = 2.5 * kMm;   // inside each panel
constexpr double kBand = 6.5 * kMm;  // the front panel's title band
constexpr double kLine = 1.22;       // line height, multiple of the size
constexpr double kStep = 0.5;        // shrink step, points
constexpr double kLeadScale = 1.4;   // `wide` fields (name, first action) print larger
const Color kInk = Color::hex(0x000000);
const Color kLabel = Color::hex(0x2F4F6F);
const Color kRed = Color::hex(0xC00000);

// The small label over a `wide` value; never below the 6 pt minimum.
double lead_label_size(double size) { return std::max(kCardMinTextSize, size * 0.85); }

struct Item {
    std::string label, text, field;
    bool lead = false;  // `wide: true`: the label small above, the value large
};

// The template's fields, in order, split into front and back; empty values
// print nothing (the card is small).
void card_items(SheetContext& ctx, std::vector<Item>& front, std::vector<Item>& back) {
    for (const auto& s : ctx.tpl.sections)
        for (const auto& f : s.fields) {
            Item it{ctx.label(f), ctx.value(f.path, f.format), f.path, f.wide};
            if (it.text.empty()) continue;
            (s.back_panel ? back : front).push_back(std::move(it));
        }
}

// Items laid out in one panel at one size: lines per item, measured once.
class PanelFit {
public:
    PanelFit(const FontFace& font, double width, double size) : font_(font), w_(width), size_(size) {}

    double label_width(const std::vector<Item>& items) const {
        double lw = 0;
        for (const auto& it : items)
            if (!it.lead) lw = std::max(lw, font_.text_width(it.label, size_));
        return std::min(lw + size_ * 0.8, w_ * 0.34);
    }
    double gap() const { return size_ * 0.35; }
    double note_height() const { return size_ * kLine + gap(); }
    double height(const Item& it, double lw) const {
        if (it.lead) {
            const double big = size_ * kLeadScale;
            return lead_label_size(size_) * kLine + wrap_text(font_, it.text, big, w_).size() * big * kLine;
        }
        size_t lines = std::max(wrap_text(font_, it.label, size_, lw - size_ * 0.6).size(),
                                wrap_text(font_, it.text, size_, w_ - lw).size());
        return std::max<size_t>(lines, 1) * size_ * kLine;
    }
    // How many of `items` fit, in order, in height h: all of them, or as many
    // as leave room for a note line saying what follows.
    size_t count(const std::vector<Item>& items, double h) const {
        const double lw = label_width(items);
        double y = 0;
        std::vector<double> bottoms;
        for (const auto& it : items) {
            y += height(it, lw) + gap();
            bottoms.push_back(y);
        }
        if (bottoms.empty() || bottoms.back() <= h + 0.01) return items.size();
        size_t n = 0;
        while (n < bottoms.size() && bottoms[n] <= h - note_height() + 0.01) ++n;
        return n;
    }
    double size() const { return size_; }

private:
    const FontFace& font_;
    double w_, size_;
};

// The largest size from `base` down to 6 pt at which all items fit; else 6 pt.
double fitting_size(const FontFace& font, const std::vector<Item>& items, double w, double h, double base) {
    for (double s = base; s >= kCardMinTextSize - 0.001; s -= kStep)
        if (PanelFit(font, w, s).count(items, h) == items.size()) return s;
    return kCardMinTextSize;
}

// Draws the first n items (and a note line when given) into the panel.
void draw_items(PageOps& page, const FontFace& font, const Rect& r, const std::vector<Item>& items, size_t n,
                double size, const std::string& note) {
    PanelFit fit(font, r.w, size);
    std::vector<Item> shown(items.begin(), items.begin() + static_cast<std::ptrdiff_t>(n));
    const double lw = fit.label_width(items);  // as PanelFit::count measured
    const double asc = font.ascent();
    double y = r.y;
    for (const auto& it : shown) {
        if (it.lead) {
            const double big = size * kLeadScale;
            const double small = lead_label_size(size);
            page.ops.push_back(TextOp{r.x, y + small * asc, small, it.label, kLabel});
            double ly = y + small * kLine;
            for (const auto& l : wrap_text(font, it.text, big, r.w)) {
                page.ops.push_back(TextOp{r.x, ly + big * asc, big, l, kInk});
                ly += big * kLine;
            }
        } else {
            double ly = y;
            for (const auto& l : wrap_text(font, it.label, size, lw - size * 0.6)) {
                page.ops.push_back(TextOp{r.x, ly + size * asc, size, l, kLabel});
                ly += size * kLine;
            }
            ly = y;
            for (const auto& l : wrap_text(font, it.text, size, r.w - lw)) {
                page.ops.push_back(TextOp{r.x + lw, ly + size * asc, size, l, kInk});
                ly += size * kLine;
            }
        }
        y += fit.height(it, lw) + fit.gap();
    }
    if (!note.empty()) {
        const auto lines = wrap_text(font, note, size, r.w);
        double ny = r.bottom() - lines.size() * size * kLine;
        for (const auto& l : lines) {
            page.ops.push_back(TextOp{r.x, ny + size * asc, size, l, kRed});
            ny += size * kLine;
        }
    }
}

// トンボ: two short lines off each corner of the open card, 3 mm clear of it,
// and marks for the fold line on both sides.
void draw_marks(PageOps& page, double x0, double y0, double w, double h) {
    const Color ink = Color::hex(0x000000);
    const double off = 3 * kMm, len = 6 * kMm;
    for (double x : {x0, x0 + w})
        for (double y : {y0, y0 + h}) {
            const double sx = x == x0 ? -1 : 1, sy = y == y0 ? -1 : 1;
            page.ops.push_back(LineOp{x + sx * off, y, x + sx * (off + len), y, ink, 0.3, false});
            page.ops.push_back(LineOp{x, y + sy * off, x, y + sy * (off + len), ink, 0.3, false});
        }
    const double fold = y0 + h / 2;
    page.ops.push_back(LineOp{x0 - off - len, fold, x0 - off, fold, ink, 0.3, true});
    page.ops.push_back(LineOp{x0 + w + off, fold, x0 + w + off + len, fold, ink, 0.3, true});
    page.ops.push_back(LineOp{x0, fold, x0 + w, fold, Color::hex(0xAAAAAA), 0.3, true});
    page.ops.push_back(TextOp{x0 + w + off, fold - 2, 6, "山折り", ink});
    // A hairline outline helps cutting by hand; the cut marks are exact.
    page.ops.push_back(RectOp{x0, y0, w, h, std::nullopt, Color::hex(0xCCCCCC), 0.3});
}

void warn_left_out(SheetContext& ctx, const std::vector<Item>& left_out) {
    for (const auto& it : left_out)
        ctx.warnings.push_back(Diagnostic{SourceLocation{ctx.profile.source_file, 0, 0},
                                          "household " + ctx.profile.id + ": help card: field '" + it.field +
                                              "' does not fit on the card even at 6 pt; it is not on the card "
                                              "(the card says so; see the support sheet)",
                                          Severity::Warning});
}

}  // namespace

void layout_card(SheetContext& ctx, const Rect& area, PageOps& page) {
    const FontFace& font = ctx.flow.font();
    const double W = kCardWidthMm * kMm, P = kCardPanelMm * kMm;
    const double x0 = area.x + (area.w - W) / 2, y0 = area.y + 10 * kMm;
    const double base = std::max(ctx.tpl.font_size, kCardMinTextSize);
    std::vector<Item> front, back;
    card_items(ctx, front, back);

    // Front: the title band, then the front items shrunk to fit; what does
    // not fit at 6 pt continues (whole items) on the back panel.
    page.ops.push_back(RectOp{x0, y0, W, kBand, kRed, std::nullopt, 0.5});
    page.ops.push_back(TextOp{x0 + kPad, y0 + kBand * 0.68, 9, ctx.tpl.title, Color::hex(0xFFFFFF)});
    const Rect fr{x0 + kPad, y0 + kBand + kPad * 0.6, W - 2 * kPad, P - kBand - kPad * 1.6};
    const double fs = fitting_size(font, front, fr.w, fr.h, base);
    const size_t fn = PanelFit(font, fr.w, fs).count(front, fr.h);
    draw_items(page, font, fr, front, fn, fs, fn < front.size() ? "▶ 裏面につづく" : "");

    std::vector<Item> rest(front.begin() + static_cast<std::ptrdiff_t>(fn), front.end());
    rest.insert(rest.end(), back.begin(), back.end());
    const Rect br{x0 + kPad, y0 + P + kPad, W - 2 * kPad, P - 2 * kPad};
    const double bs = fitting_size(font, rest, br.w, br.h, base);
    const size_t bn = PanelFit(font, br.w, bs).count(rest, br.h);
    std::vector<Item> left_out(rest.begin() + static_cast<std::ptrdiff_t>(bn), rest.end());
    std::string note;
    for (const auto& it : left_out) note += (note.empty() ? "" : "・") + it.label;
    if (!note.empty()) note = "※入りきらない項目（" + note + "）は支援シートを参照";
    draw_items(page, font, br, rest, bn, bs, note);
    warn_left_out(ctx, left_out);

    draw_marks(page, x0, y0, W, 2 * P);
    const std::string how =
        "トンボ（角の線）に沿って切り取り、中央の点線で印刷面が外側になるよう山折りにします（名刺大 91×55 mm）。"
        "裏面は下から上へめくって読みます。財布や手帳に入れて持ち歩いてください。";
    double hy = y0 + 2 * P + 14 * kMm;
    for (const auto& l : wrap_text(font, how, 8, W + 40 * kMm)) {
        page.ops.push_back(TextOp{x0 - 20 * kMm, hy, 8, l, Color::hex(0x333333)});
        hy += 8 * kLine;
    }
}

}  // namespace sheetgen::render
