#pragma once
// Japanese line breaking and a flowing page layout of ruled cells. Pure
// geometry: produces PageOps (draw_ops.hpp); knows nothing of templates or PDF.
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "layout/draw_ops.hpp"
#include "layout/font.hpp"

namespace sheetgen::layout {

// U+2060 WORD JOINER: glues the characters on either side onto one line.
inline constexpr char32_t kWordJoiner = U'\u2060';

// Width of one code point in points (at the size being laid out).
using MeasureFn = std::function<double(char32_t)>;

// Kinsoku rules (JIS X 4051, simplified): never at a line start / line end.
bool forbidden_at_line_start(char32_t c);
bool forbidden_at_line_end(char32_t c);

// Splits text into lines no wider than `width`. Breaks anywhere between CJK
// characters subject to kinsoku; runs of Latin-script word characters (ASCII
// letters/digits/punctuation, accented Latin letters such as José, and the
// typographic apostrophe: English words, numbers, phone numbers) break only at
// spaces unless longer than a line; explicit '\n' always breaks. Spaces at a
// break are dropped. A word joiner (U+2060) forbids a break on either side,
// has no width and is dropped from the lines.
std::vector<std::u32string> wrap_lines(const std::u32string& text, double width, const MeasureFn& measure);
// UTF-8 convenience over a font at `size` points.
std::vector<std::string> wrap_text(const FontFace& font, const std::string& utf8, double size, double width);

struct Style {
    double body_size = 8;        // points
    double line_height = 1.22;   // multiple of the size
    double pad = 1.6;            // inside cells
    double heading_size = 8;
    double section_gap = 3;      // space before a section heading
    Color rule = Color::hex(0x555555);
    Color label_fill = Color::hex(0xE6ECF2);
    Color heading_fill = Color::hex(0x2F4F6F);
    Color heading_text = Color::hex(0xFFFFFF);
    Color text = Color::hex(0x000000);
};

struct Rect {
    double x = 0, y = 0, w = 0, h = 0;
    double bottom() const { return y + h; }
};

// One cell in a row. Width is in points.
struct Cell {
    double width = 0;
    std::string text;
    double size = 0;                 // 0 = style body size
    std::optional<Color> fill;       // shaded label cells, a status colour
    std::optional<Color> text_color;
    std::optional<bool> check;       // draws a vector check box (☐ / ☑) before the text
    bool border = true;
    bool centre = false;             // centre text horizontally
};

inline Cell text_cell(double width, std::string text) {
    Cell c;
    c.width = width;
    c.text = std::move(text);
    return c;
}

// Lays rows of cells down the content area of successive pages. Rows taller
// than what is left continue on the next page line by line, so nothing is
// clipped or overprinted.
class Flow {
public:
    Flow(const FontFace& font, const Style& style, const Rect& content);

    const Style& style() const { return style_; }
    const FontFace& font() const { return font_; }
    const Rect& content() const { return content_; }
    double x() const { return content_.x; }
    double width() const { return content_.w; }
    double y() const { return y_; }
    // Room left on this page (less any reserve set for it, see reserve_on_page).
    double remaining() const { return bottom() - y_; }
    bool at_page_top() const { return y_ <= content_.y + 0.01; }

    void new_page();
    void gap(double h);  // vertical space; dropped at the top of a page
    // Moves to a new page unless `h` points fit (and h fits on an empty page).
    void keep(double h);

    // Height a row would take (all lines of every cell plus padding).
    double row_height(const std::vector<Cell>& cells) const;
    // Height of one text line at size (0 = body).
    double line_height(double size = 0) const;
    void row(const std::vector<Cell>& cells);
    // Draws ops in a block of height h at the cursor (after keep(h)); `draw`
    // receives the block's rectangle and the current page.
    void block(double h, const std::function<void(const Rect&, PageOps&)>& draw);
    // Section heading bar (long titles wrap inside it); kept together with
    // `next_h` points of what follows.
    void heading(const std::string& title, double next_h);
    double heading_height(const std::string& title) const;

    // Called after every automatic page break (e.g. to repeat a table header).
    void set_on_new_page(std::function<void()> fn) { on_new_page_ = std::move(fn); }

    // Layout is append-only, so a position is enough to undo what followed it
    // (used to lay a section out again when a trailing box would end up alone).
    struct Mark {
        size_t pages = 0, ops = 0;
        double y = 0;
    };
    Mark mark() const { return {pages_.size(), pages_.back().ops.size(), y_}; }
    void rewind(const Mark& m);
    size_t page_index() const { return pages_.size() - 1; }
    size_t ops_on_page(size_t index) const { return pages_.at(index).ops.size(); }
    // Keeps the bottom `h` points of page `index` free (0 clears it): what
    // would run into that band moves to the next page.
    void reserve_on_page(size_t index, double h) {
        reserve_page_ = index;
        reserve_h_ = h;
    }

    PageOps& page() { return pages_.back(); }
    std::vector<PageOps> take_pages() { return std::move(pages_); }

    // Draws a single row at an explicit position (no page flow). Returns height.
    double draw_row_at(PageOps& page, double x, double y, const std::vector<Cell>& cells) const;

private:
    struct Wrapped {
        std::vector<std::string> lines;
        double size;
        double lh;
    };
    Wrapped wrap(const Cell& c) const;
    void draw_cells(PageOps& page, double x, double y, double h, const std::vector<Cell>& cells,
                    const std::vector<Wrapped>& wrapped, const std::vector<size_t>& from,
                    const std::vector<size_t>& to) const;

    double bottom() const { return content_.bottom() - (pages_.size() - 1 == reserve_page_ ? reserve_h_ : 0); }

    const FontFace& font_;
    Style style_;
    Rect content_;
    double y_;
    std::vector<PageOps> pages_;
    std::function<void()> on_new_page_;
    bool in_callback_ = false;
    size_t reserve_page_ = static_cast<size_t>(-1);
    double reserve_h_ = 0;
};

}  // namespace sheetgen::layout
