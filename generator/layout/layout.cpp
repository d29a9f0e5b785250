#include "layout/layout.hpp"

#include <algorithm>
#include <cmath>

#include "common/utf8.hpp"

namespace sheetgen::layout {

namespace {

bool in(char32_t c, std::u32string_view set) { return set.find(c) != std::u32string_view::npos; }

// Characters of a Latin-script word that must not be split: printable ASCII
// other than space (words, model numbers, phone numbers, "150mL"), Latin
// letters with diacritics (José, Müller, Tōkyō: Latin-1, Latin Extended-A/B,
// the combining accents), the typographic apostrophe and quotes inside a word
// (it’s, “Level 3”) and the non-breaking hyphen. English text then breaks at
// spaces only, like Japanese text breaks between characters.
bool is_word_char(char32_t c) {
    if (c > 0x20 && c < 0x7F) return true;
    if (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7) return true;  // letters, not × ÷
    if (c >= 0x300 && c <= 0x36F) return true;                            // combining diacritics
    return c == U'\u2018' || c == U'\u2019' || c == U'\u201C' || c == U'\u201D' || c == U'\u2011';
}
bool is_space(char32_t c) { return c == U' ' || c == U'\t' || c == U'\u3000'; }

// May a line end between a and b? Never next to a word joiner (it glues
// characters that must stay on one line, such as a Japanese term on an English sheet).
bool can_break_between(char32_t a, char32_t b) {
    if (a == kWordJoiner || b == kWordJoiner) return false;
    if (is_space(b)) return false;  // break after the space, not before it
    if (is_space(a)) return true;
    if (is_word_char(a) && is_word_char(b)) return false;
    if (forbidden_at_line_start(b)) return false;
    if (forbidden_at_line_end(a)) return false;
    return true;
}

// A finished line: without the spaces at its ends and without word joiners
// (they have done their work, and the font has no glyph for them).
std::u32string finish_line(std::u32string s) {
    s.erase(std::remove(s.begin(), s.end(), kWordJoiner), s.end());
    size_t b = 0, e = s.size();
    while (b < e && is_space(s[b])) ++b;
    while (e > b && is_space(s[e - 1])) --e;
    return s.substr(b, e - b);
}

void wrap_paragraph(const std::u32string& p, double width, const MeasureFn& measure, std::vector<std::u32string>& out) {
    size_t start = 0;
    while (start < p.size() && is_space(p[start])) ++start;
    if (start >= p.size()) {
        out.emplace_back();
        return;
    }
    while (start < p.size()) {
        double w = 0;
        size_t k = start;
        size_t last_break = 0;  // a break is allowed before index last_break (0 = none yet)
        for (; k < p.size(); ++k) {
            if (k > start && can_break_between(p[k - 1], p[k])) last_break = k;
            double cw = p[k] == kWordJoiner ? 0 : measure(p[k]);
            // Trailing spaces may hang past the edge: they are dropped.
            if (w + cw > width + 1e-9 && k > start && !is_space(p[k])) break;
            w += cw;
        }
        if (k >= p.size()) {
            out.push_back(finish_line(p.substr(start)));
            break;
        }
        size_t end = last_break > start ? last_break : k;  // no allowed break: split a too-long word
        out.push_back(finish_line(p.substr(start, end - start)));
        start = end;
        while (start < p.size() && is_space(p[start])) ++start;
    }
}

}  // namespace

bool forbidden_at_line_start(char32_t c) {
    static constexpr std::u32string_view set =
        U"、。，．・：；？！ー）」』】〕〉》ゝゞ々ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ,.:;?!)]}";
    return in(c, set);
}

bool forbidden_at_line_end(char32_t c) {
    static constexpr std::u32string_view set = U"（「『【〔〈《([{";
    return in(c, set);
}

std::vector<std::u32string> wrap_lines(const std::u32string& text, double width, const MeasureFn& measure) {
    std::vector<std::u32string> out;
    size_t b = 0;
    while (true) {
        size_t e = text.find(U'\n', b);
        std::u32string para = text.substr(b, e == std::u32string::npos ? std::u32string::npos : e - b);
        if (!para.empty() && para.back() == U'\r') para.pop_back();
        wrap_paragraph(para, width, measure, out);
        if (e == std::u32string::npos) break;
        b = e + 1;
    }
    return out;
}

std::vector<std::string> wrap_text(const FontFace& font, const std::string& utf8, double size, double width) {
    auto cps = decode_utf8(utf8);
    std::u32string text(cps.begin(), cps.end());
    auto lines = wrap_lines(text, width, [&](char32_t c) { return font.advance(c) * size; });
    std::vector<std::string> out;
    out.reserve(lines.size());
    for (const auto& l : lines) {
        std::string s;
        for (char32_t c : l) s += encode_utf8(c);
        out.push_back(std::move(s));
    }
    return out;
}

Flow::Flow(const FontFace& font, const Style& style, const Rect& content)
    : font_(font), style_(style), content_(content), y_(content.y) {
    pages_.emplace_back();
}

void Flow::new_page() {
    pages_.emplace_back();
    y_ = content_.y;
    if (on_new_page_ && !in_callback_) {
        in_callback_ = true;
        on_new_page_();
        in_callback_ = false;
    }
}

void Flow::rewind(const Mark& m) {
    pages_.resize(m.pages);
    pages_.back().ops.resize(m.ops);
    y_ = m.y;
}

void Flow::gap(double h) {
    if (at_page_top()) return;
    y_ = std::min(y_ + h, bottom());
}

void Flow::keep(double h) {
    if (h > remaining() && !at_page_top()) new_page();
}

double Flow::line_height(double size) const { return (size > 0 ? size : style_.body_size) * style_.line_height; }

Flow::Wrapped Flow::wrap(const Cell& c) const {
    Wrapped w;
    w.size = c.size > 0 ? c.size : style_.body_size;
    w.lh = w.size * style_.line_height;
    double inner = c.width - 2 * style_.pad - (c.check ? w.size * 1.25 : 0);
    w.lines = wrap_text(font_, c.text, w.size, std::max(inner, w.size));
    if (w.lines.empty()) w.lines.emplace_back();
    return w;
}

double Flow::row_height(const std::vector<Cell>& cells) const {
    double h = 0;
    for (const auto& c : cells) {
        Wrapped w = wrap(c);
        h = std::max(h, w.lines.size() * w.lh);
    }
    return h + 2 * style_.pad;
}

void Flow::draw_cells(PageOps& page, double x, double y, double h, const std::vector<Cell>& cells,
                      const std::vector<Wrapped>& wrapped, const std::vector<size_t>& from,
                      const std::vector<size_t>& to) const {
    double cx = x;
    for (size_t i = 0; i < cells.size(); ++i) {
        const Cell& c = cells[i];
        const Wrapped& w = wrapped[i];
        RectOp r{cx, y, c.width, h, c.fill, std::nullopt, 0.5};
        if (c.border) r.stroke = style_.rule;
        page.ops.push_back(r);
        double tx = cx + style_.pad;
        if (c.check && from[i] == 0) {
            double s = w.size * 0.85;
            double bx = tx, by = y + style_.pad + (w.lh - s) / 2;
            page.ops.push_back(RectOp{bx, by, s, s, Color::hex(0xFFFFFF), style_.text, 0.6});
            if (*c.check) {
                PathOp tick;
                tick.subpaths.push_back({{bx + s * 0.18, by + s * 0.52}, {bx + s * 0.42, by + s * 0.78}, {bx + s * 0.85, by + s * 0.2}});
                tick.closed = false;
                tick.stroke = style_.text;
                tick.line_width = 1.0;
                page.ops.push_back(tick);
            }
        }
        if (c.check) tx += w.size * 1.25;
        for (size_t k = from[i]; k < to[i]; ++k) {
            const std::string& line = w.lines[k];
            if (line.empty()) continue;
            double lx = tx;
            if (c.centre) lx = cx + std::max(style_.pad, (c.width - font_.text_width(line, w.size)) / 2);
            double base = y + style_.pad + (k - from[i]) * w.lh + (w.lh - w.size) / 2 + font_.ascent() * w.size;
            page.ops.push_back(TextOp{lx, base, w.size, line, c.text_color.value_or(style_.text)});
        }
        cx += c.width;
    }
}

double Flow::draw_row_at(PageOps& page, double x, double y, const std::vector<Cell>& cells) const {
    std::vector<Wrapped> wrapped;
    std::vector<size_t> from(cells.size(), 0), to;
    double h = 0;
    for (const auto& c : cells) {
        wrapped.push_back(wrap(c));
        to.push_back(wrapped.back().lines.size());
        h = std::max(h, wrapped.back().lines.size() * wrapped.back().lh);
    }
    h += 2 * style_.pad;
    draw_cells(page, x, y, h, cells, wrapped, from, to);
    return h;
}

void Flow::row(const std::vector<Cell>& cells) {
    std::vector<Wrapped> wrapped;
    std::vector<size_t> from(cells.size(), 0), to(cells.size(), 0);
    double total = 0;
    for (const auto& c : cells) {
        wrapped.push_back(wrap(c));
        total = std::max(total, wrapped.back().lines.size() * wrapped.back().lh);
    }
    total += 2 * style_.pad;
    if (total > remaining() && !at_page_top()) {
        // Move the whole row when it fits on a fresh page, or when fewer than
        // two lines would be left behind here.
        double lh_max = 0;
        for (const auto& w : wrapped) lh_max = std::max(lh_max, w.lh);
        if (total <= content_.h * 0.9 || remaining() < 2 * lh_max + 2 * style_.pad) new_page();
    }
    while (true) {
        double avail = remaining() - 2 * style_.pad;
        bool done = true, any = false;
        double used = 0;
        for (size_t i = 0; i < cells.size(); ++i) {
            size_t left = wrapped[i].lines.size() - from[i];
            size_t fit = static_cast<size_t>(std::max(0.0, std::floor((avail + 1e-6) / wrapped[i].lh)));
            size_t n = std::min(left, fit);
            to[i] = from[i] + n;
            if (n > 0) any = true;
            if (to[i] < wrapped[i].lines.size()) done = false;
            used = std::max(used, n * wrapped[i].lh);
        }
        if (!any && !done) {
            if (at_page_top()) {  // cannot happen with sane sizes; force progress
                for (size_t i = 0; i < cells.size(); ++i) to[i] = std::min(wrapped[i].lines.size(), from[i] + 1);
                used = 0;
                for (size_t i = 0; i < cells.size(); ++i) used = std::max(used, (to[i] - from[i]) * wrapped[i].lh);
            } else {
                new_page();
                continue;
            }
        }
        double h = used + 2 * style_.pad;
        draw_cells(page(), content_.x, y_, h, cells, wrapped, from, to);
        y_ += h;
        if (done) break;
        from = to;
        new_page();
    }
}

void Flow::block(double h, const std::function<void(const Rect&, PageOps&)>& draw) {
    keep(h);
    draw(Rect{content_.x, y_, content_.w, h}, page());
    y_ += h;
}

namespace {
// Heading text is inset by pad + 1 on both sides.
double heading_inner(const Style& st, double width) { return width - 2 * (st.pad + 1); }
}  // namespace

double Flow::heading_height(const std::string& title) const {
    size_t n = std::max<size_t>(1, wrap_text(font_, title, style_.heading_size, heading_inner(style_, content_.w)).size());
    return style_.heading_size * 1.4 + (n - 1) * style_.heading_size * style_.line_height;
}

void Flow::heading(const std::string& title, double next_h) {
    gap(style_.section_gap);
    // A title wider than the page wraps inside a taller bar instead of running off it.
    auto lines = wrap_text(font_, title, style_.heading_size, heading_inner(style_, content_.w));
    if (lines.empty()) lines.emplace_back();
    double hh = heading_height(title);
    keep(hh + std::min(next_h, content_.h * 0.5));
    page().ops.push_back(RectOp{content_.x, y_, content_.w, hh, style_.heading_fill, std::nullopt, 0.5});
    double base = y_ + (style_.heading_size * 1.4 - style_.heading_size) / 2 + font_.ascent() * style_.heading_size;
    for (const auto& l : lines) {
        page().ops.push_back(TextOp{content_.x + style_.pad + 1, base, style_.heading_size, l, style_.heading_text});
        base += style_.heading_size * style_.line_height;
    }
    y_ += hh;
}

}  // namespace sheetgen::layout
