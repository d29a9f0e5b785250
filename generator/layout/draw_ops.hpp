#pragma once
// Laid-out pages as plain drawing operations in points, origin at the page's
// top-left corner, y growing downwards (the PDF writer flips it). Layout
// produces these before any PDF exists, so the font subset can be made from
// exactly the characters drawn.
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace sheetgen::layout {

inline constexpr double kPageWidth = 595.276;   // A4 portrait, points (the default page)
inline constexpr double kPageHeight = 841.89;

struct Color {
    double r = 0, g = 0, b = 0;
    static Color hex(unsigned rgb) {
        return {((rgb >> 16) & 0xFF) / 255.0, ((rgb >> 8) & 0xFF) / 255.0, (rgb & 0xFF) / 255.0};
    }
};

struct TextOp {
    double x = 0, y = 0;  // left end of the baseline
    double size = 9;
    std::string text;     // UTF-8, only glyphs the font has (layout substitutes the rest)
    Color color;
};

struct RectOp {
    double x = 0, y = 0, w = 0, h = 0;  // top-left corner and size
    std::optional<Color> fill;
    std::optional<Color> stroke;
    double line_width = 0.5;
};

struct LineOp {
    double x1 = 0, y1 = 0, x2 = 0, y2 = 0;
    Color color;
    double width = 0.5;
    bool dashed = false;
};

using Point = std::pair<double, double>;

// Closed subpaths (polygons with holes, markers).
struct PathOp {
    std::vector<std::vector<Point>> subpaths;
    std::optional<Color> fill;
    std::optional<Color> stroke;
    double line_width = 0.5;
    bool even_odd = true;  // holes stay empty whatever the ring orientation
    bool dashed = false;
    bool closed = true;
    double fill_opacity = 1;  // below 1: what lies under the fill shows through (a base map under zones)
};

struct ClipBegin {  // rectangle clip until the matching ClipEnd
    double x = 0, y = 0, w = 0, h = 0;
};
struct ClipEnd {};

using DrawOp = std::variant<TextOp, RectOp, LineOp, PathOp, ClipBegin, ClipEnd>;

struct PageOps {
    std::vector<DrawOp> ops;
    double width = kPageWidth, height = kPageHeight;  // the page's size in points
};

// Appends `src`'s operations to `dst`, moved by (dx, dy): lets a drawing be
// made once to learn what it holds (e.g. a map's legend) and placed later.
inline void append_moved(PageOps& dst, const PageOps& src, double dx, double dy) {
    for (DrawOp op : src.ops) {
        if (auto* t = std::get_if<TextOp>(&op)) {
            t->x += dx, t->y += dy;
        } else if (auto* r = std::get_if<RectOp>(&op)) {
            r->x += dx, r->y += dy;
        } else if (auto* l = std::get_if<LineOp>(&op)) {
            l->x1 += dx, l->x2 += dx, l->y1 += dy, l->y2 += dy;
        } else if (auto* p = std::get_if<PathOp>(&op)) {
            for (auto& sp : p->subpaths)
                for (auto& pt : sp) pt.first += dx, pt.second += dy;
        } else if (auto* c = std::get_if<ClipBegin>(&op)) {
            c->x += dx, c->y += dy;
        }
        dst.ops.push_back(std::move(op));
    }
}

}  // namespace sheetgen::layout
