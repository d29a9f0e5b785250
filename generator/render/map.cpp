#include "render/map.hpp"

#include "risk/verdict.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "common/utf8.hpp"

namespace sheetgen::render {

namespace {

constexpr double kEarthRadiusM = 6371008.8;
constexpr double kPi = 3.14159265358979323846;

Color depth_colour(const std::optional<DepthRange>& d) {
    if (!d) return Color::hex(0xB3D9FF);
    switch (d->gsi_class()) {
        case 1: return Color::hex(0xF7F5A9);
        case 2: return Color::hex(0xFFD8C0);
        case 3: return Color::hex(0xFFB7B7);
        case 4: return Color::hex(0xFF9191);
        case 5: return Color::hex(0xF285C9);
        default: return Color::hex(0xDC7ADC);
    }
}

const char* depth_legend(int cls) {
    switch (cls) {
        case 1: return "0.5m未満";
        case 2: return "0.5〜3m";
        case 3: return "3〜5m";
        case 4: return "5〜10m";
        case 5: return "10〜20m";
        default: return "20m以上";
    }
}

const Color kCollapse = Color::hex(0xD00000);
const Color kLandslide = Color::hex(0x8B5A2B);
const Color kHome = Color::hex(0xD62828);
const Color kShelterOk = Color::hex(0x2E9E44);
const Color kShelterNo = Color::hex(0x8A8A8A);
const Color kWelfare = Color::hex(0x6A3FA0);
const Color kRoute = Color::hex(0x1F3A93);
const Color kWhite = Color::hex(0xFFFFFF);
const Color kInk = Color::hex(0x222222);

std::vector<Point> circle(double cx, double cy, double r, int n = 20) {
    std::vector<Point> pts;
    for (int i = 0; i < n; ++i) {
        double a = 2 * kPi * i / n;
        pts.emplace_back(cx + r * std::cos(a), cy + r * std::sin(a));
    }
    return pts;
}

std::string drawable(const FontFace& font, const std::string& s) {
    std::string out;
    for (char32_t c : decode_utf8(s)) out += encode_utf8(font.has_glyph(c) ? c : U'〓');
    return out;
}

// Even-odd hatching: 45° lines spaced `step` points, clipped to the polygon
// by intersecting each line with every ring edge.
void hatch(PageOps& page, const std::vector<std::vector<Point>>& rings, double step, const Color& c) {
    // Rotate by -45°: hatch lines become horizontal (v = const).
    auto rot = [](const Point& p) { return Point{(p.first + p.second) / std::sqrt(2.0), (p.second - p.first) / std::sqrt(2.0)}; };
    auto unrot = [](double u, double v) { return Point{(u - v) / std::sqrt(2.0), (u + v) / std::sqrt(2.0)}; };
    double vmin = 1e300, vmax = -1e300;
    std::vector<std::vector<Point>> r2;
    for (const auto& r : rings) {
        std::vector<Point> rr;
        for (const auto& p : r) {
            rr.push_back(rot(p));
            vmin = std::min(vmin, rr.back().second);
            vmax = std::max(vmax, rr.back().second);
        }
        r2.push_back(std::move(rr));
    }
    if (vmin > vmax) return;
    for (double v = std::ceil(vmin / step) * step; v <= vmax; v += step) {
        std::vector<double> xs;
        for (const auto& r : r2)
            for (size_t i = 0; i + 1 < r.size(); ++i) {
                const Point& a = r[i];
                const Point& b = r[i + 1];
                if ((a.second <= v) != (b.second <= v)) xs.push_back(a.first + (v - a.second) * (b.first - a.first) / (b.second - a.second));
            }
        std::sort(xs.begin(), xs.end());
        for (size_t i = 0; i + 1 < xs.size(); i += 2) {
            Point p = unrot(xs[i], v), q = unrot(xs[i + 1], v);
            page.ops.push_back(LineOp{p.first, p.second, q.first, q.second, c, 0.5, false});
        }
    }
}

struct Target {
    LatLon loc;
    std::string id, name;
    double distance_m = 0;
    bool planned = false;
};

// The route goes to a place the verdict accepted: the first place to stay
// that has a location, else the site for when it is too late.
std::optional<Target> route_target(const Verdict& v) {
    for (DestinationRole role : {DestinationRole::Stay, DestinationRole::FleeWhenLate})
        for (const auto& d : v.destinations)
            if (d.role == role && d.location)
                return Target{*d.location, d.id, d.name, d.distance_m.value_or(0),
                              v.planned_shelter && d.id == v.planned_shelter->id};
    return std::nullopt;
}

}  // namespace

std::pair<double, double> local_metres(const LatLon& c, const LatLon& p) {
    double k = kPi / 180;
    return {(p.lon - c.lon) * k * kEarthRadiusM * std::cos(c.lat * k), (p.lat - c.lat) * k * kEarthRadiusM};
}

MapRequest make_map_request(const Profile& profile, const Verdict& verdict, double bw, double bh) {
    double aspect = (bw > 0 && bh > 0) ? bw / bh : 1.0;
    const LatLon home = profile.household.location;
    MapRequest r;
    r.centre = home;
    double hw = 500, hh = 500;  // home alone: ~1 km across
    if (auto t = route_target(verdict)) {
        auto [dx, dy] = local_metres(home, t->loc);
        double need_w = std::fabs(dx) / 2 * 1.2 + 80, need_h = std::fabs(dy) / 2 * 1.2 + 80;
        hw = std::max(need_w, need_h * aspect);
        hh = hw / aspect;
        if (std::max(hw, hh) <= kMaxHalfSizeM) {
            r.centre = LatLon{(home.lat + t->loc.lat) / 2, (home.lon + t->loc.lon) / 2};
        } else {
            hw = aspect >= 1 ? kMaxHalfSizeM : kMaxHalfSizeM * aspect;
            hh = hw / aspect;
        }
    } else {
        hh = hw / aspect;
    }
    double big = std::max(hw, hh);
    double f = big < kMinHalfSizeM ? kMinHalfSizeM / big : (big > kMaxHalfSizeM ? kMaxHalfSizeM / big : 1.0);
    r.half_width_m = hw * f;
    r.half_height_m = hh * f;
    // Half a point on the page: finer detail cannot be seen.
    r.resolution_m = bw > 0 ? (2 * r.half_width_m / bw) * 0.5 : 5.0;
    return r;
}

double map_legend_height() { return 20; }

void draw_map(PageOps& page, const Rect& box, const Rect& legend, const MapExtract* map, const Profile& profile,
              const Verdict& verdict, const FontFace& font) {
    if (!map || !(map->half_width_m > 0 && map->half_height_m > 0 && std::isfinite(map->half_width_m) &&
                  std::isfinite(map->half_height_m))) {
        page.ops.push_back(RectOp{box.x, box.y, box.w, box.h, Color::hex(0xF0F0F0), kInk, 0.6});
        std::string t = "地図なし";
        double w = font.text_width(t, 10);
        page.ops.push_back(TextOp{box.x + (box.w - w) / 2, box.y + box.h / 2 + 4, 10, t, Color::hex(0x666666)});
        return;
    }
    const double sx = box.w / (2 * map->half_width_m);
    const double sy = box.h / (2 * map->half_height_m);
    const double s = std::min(sx, sy);
    auto P = [&](double x, double y) { return Point{box.x + box.w / 2 + x * s, box.y + box.h / 2 - y * s}; };

    page.ops.push_back(RectOp{box.x, box.y, box.w, box.h, Color::hex(0xFBFBF8), std::nullopt, 0.5});
    page.ops.push_back(ClipBegin{box.x, box.y, box.w, box.h});

    std::vector<int> classes_seen;
    bool unknown_depth = false, collapse = false, landslide = false;
    // Shallow classes first so deeper water is drawn on top.
    std::vector<const MapPolygon*> floods;
    for (const auto& pg : map->polygons)
        if (pg.kind == ZoneKind::FloodDepth) floods.push_back(&pg);
    std::stable_sort(floods.begin(), floods.end(), [](const MapPolygon* a, const MapPolygon* b) {
        return (a->depth ? a->depth->gsi_class() : 0) < (b->depth ? b->depth->gsi_class() : 0);
    });
    auto rings_of = [&](const MapPolygon& pg) {
        std::vector<std::vector<Point>> rs;
        for (const auto& ring : pg.rings) {
            std::vector<Point> pts;
            for (const auto& [x, y] : ring.points)
                if (std::isfinite(x) && std::isfinite(y)) pts.push_back(P(x, y));  // never write "nan" into a PDF
            if (pts.size() >= 3) rs.push_back(std::move(pts));
        }
        return rs;
    };
    for (const MapPolygon* pg : floods) {
        PathOp op;
        op.subpaths = rings_of(*pg);
        op.fill = depth_colour(pg->depth);
        op.even_odd = true;
        page.ops.push_back(std::move(op));
        if (pg->depth) {
            int c = pg->depth->gsi_class();
            if (std::find(classes_seen.begin(), classes_seen.end(), c) == classes_seen.end()) classes_seen.push_back(c);
        } else {
            unknown_depth = true;
        }
    }
    for (const auto& pg : map->polygons) {
        if (pg.kind == ZoneKind::HouseCollapse) {
            auto rs = rings_of(pg);
            hatch(page, rs, 3.5, kCollapse);
            PathOp op;
            op.subpaths = std::move(rs);
            op.stroke = kCollapse;
            op.line_width = 0.9;
            page.ops.push_back(std::move(op));
            collapse = true;
        } else if (pg.kind == ZoneKind::Landslide) {
            PathOp op;
            op.subpaths = rings_of(pg);
            op.stroke = kLandslide;
            op.line_width = 1.1;
            page.ops.push_back(std::move(op));
            landslide = true;
        }
    }

    auto [hx, hy] = local_metres(map->centre, profile.household.location);
    Point home = P(hx, hy);
    auto target = route_target(verdict);
    std::optional<Point> tp;
    if (target) {
        std::pair<double, double> t = local_metres(map->centre, target->loc);
        for (const auto& ms : map->shelters)
            if (ms.shelter && ms.shelter->id == target->id && !target->id.empty()) t = {ms.x, ms.y};
        tp = P(t.first, t.second);
        page.ops.push_back(LineOp{home.first, home.second, tp->first, tp->second, kRoute, 1.3, true});
    }

    // Shelters: filled green = usable in a flood, hollow grey = not.
    bool any_ok = false, any_no = false, any_welfare = false;
    for (const auto& ms : map->shelters) {
        if (!ms.shelter || !std::isfinite(ms.x) || !std::isfinite(ms.y)) continue;
        Point c = P(ms.x, ms.y);
        bool ok = ms.shelter->usable_in_flood();
        bool is_target = target && ms.shelter->id == target->id;
        double r = is_target ? 4.2 : 3.0;
        if (ms.shelter->welfare) {
            PathOp d;
            d.subpaths.push_back({{c.first, c.second - r - 2}, {c.first + r + 2, c.second}, {c.first, c.second + r + 2}, {c.first - r - 2, c.second}});
            d.stroke = kWelfare;
            d.line_width = 1.0;
            page.ops.push_back(d);
            any_welfare = true;
        }
        PathOp m;
        m.subpaths.push_back(circle(c.first, c.second, r));
        if (ok) {
            m.fill = kShelterOk;
            m.stroke = kWhite;
            any_ok = true;
        } else {
            m.fill = kWhite;
            m.stroke = kShelterNo;
            m.line_width = 1.1;
            any_no = true;
        }
        page.ops.push_back(m);
    }
    if (tp) {
        bool drawn = false;
        for (const auto& ms : map->shelters) drawn = drawn || (ms.shelter && ms.shelter->id == target->id);
        if (!drawn) {  // target outside the extract's shelter list: mark it anyway
            PathOp m;
            m.subpaths.push_back(circle(tp->first, tp->second, 4.2));
            m.fill = kShelterOk;
            m.stroke = kWhite;
            page.ops.push_back(m);
            any_ok = true;
        }
        std::string name = drawable(font, target->name);
        double fs = 6.5;
        double w = font.text_width(name, fs);
        double lx = std::clamp(tp->first - w / 2, box.x + 2, box.x + box.w - w - 2);
        double ly = std::clamp(tp->second - 7, box.y + fs + 2, box.y + box.h - 2);
        page.ops.push_back(RectOp{lx - 1, ly - fs * 0.9, w + 2, fs * 1.2, Color::hex(0xFFFFFF), std::nullopt, 0});
        page.ops.push_back(TextOp{lx, ly, fs, name, kInk});
    }

    // The planned shelter, when the route goes elsewhere (not usable in a flood).
    if (verdict.planned_shelter && (!target || target->id != verdict.planned_shelter->id)) {
        std::pair<double, double> t = local_metres(map->centre, verdict.planned_shelter->location);
        Point c = P(t.first, t.second);
        bool inside = c.first >= box.x && c.first <= box.x + box.w && c.second >= box.y && c.second <= box.y + box.h;
        std::string name = inside ? drawable(font, verdict.planned_shelter->name) + "（計画・使わない）" : "";
        double fs = 6;
        double w = font.text_width(name, fs);
        double lx = std::clamp(c.first - w / 2, box.x + 2, box.x + box.w - w - 2);
        double ly = std::clamp(c.second - 6, box.y + fs + 2, box.y + box.h - 2);
        if (!name.empty()) {
            page.ops.push_back(RectOp{lx - 1, ly - fs * 0.9, w + 2, fs * 1.2, Color::hex(0xFFFFFF), std::nullopt, 0});
            page.ops.push_back(TextOp{lx, ly, fs, name, kShelterNo});
        }
    }

    // Home: a red house shape.
    {
        double r = 5.5;
        PathOp h;
        h.subpaths.push_back({{home.first, home.second - r}, {home.first + r, home.second}, {home.first + r * 0.7, home.second},
                              {home.first + r * 0.7, home.second + r}, {home.first - r * 0.7, home.second + r},
                              {home.first - r * 0.7, home.second}, {home.first - r, home.second}});
        h.fill = kHome;
        h.stroke = kWhite;
        h.line_width = 0.8;
        page.ops.push_back(h);
    }
    if (tp && target) {
        std::string d = format_distance_ja(target->distance_m > 0 ? target->distance_m
                                                              : std::hypot(tp->first - home.first, tp->second - home.second) / s);
        double fs = 7;
        double w = font.text_width(d, fs);
        double mx = std::clamp((home.first + tp->first) / 2 - w / 2, box.x + 2, box.x + box.w - w - 2);
        double my = std::clamp((home.second + tp->second) / 2 + 3, box.y + fs + 2, box.y + box.h - 14);
        page.ops.push_back(RectOp{mx - 1.5, my - fs * 0.95, w + 3, fs * 1.3, Color::hex(0xFFFFFF), kRoute, 0.4});
        page.ops.push_back(TextOp{mx, my, fs, d, kRoute});
    }
    page.ops.push_back(ClipEnd{});
    page.ops.push_back(RectOp{box.x, box.y, box.w, box.h, std::nullopt, kInk, 0.7});

    // North arrow (top right).
    {
        double ax = box.x + box.w - 12, ay = box.y + 6;
        PathOp a;
        a.subpaths.push_back({{ax, ay}, {ax + 4, ay + 12}, {ax, ay + 9}, {ax - 4, ay + 12}});
        a.fill = kInk;
        page.ops.push_back(a);
        page.ops.push_back(TextOp{ax - font.text_width("N", 7) / 2, ay + 20, 7, "N", kInk});
    }
    // Scale bar (bottom left): the largest round length up to a quarter of the width.
    {
        double width_m = box.w / s;
        double len = 50;
        for (double c : {50.0, 100.0, 200.0, 250.0, 500.0, 1000.0, 2000.0})
            if (c <= width_m / 4) len = c;
        double lp = len * s;
        double bx = box.x + 6, by = box.y + box.h - 6;
        char buf[32];
        if (len >= 1000) std::snprintf(buf, sizeof buf, "%gkm", len / 1000);
        else std::snprintf(buf, sizeof buf, "%gm", len);
        page.ops.push_back(RectOp{bx - 2, by - 7, lp + 6 + font.text_width(buf, 6.5), 9, Color::hex(0xFFFFFF), std::nullopt, 0});
        page.ops.push_back(LineOp{bx, by, bx + lp, by, kInk, 1.2, false});
        page.ops.push_back(LineOp{bx, by - 3, bx, by, kInk, 0.8, false});
        page.ops.push_back(LineOp{bx + lp, by - 3, bx + lp, by, kInk, 0.8, false});
        page.ops.push_back(TextOp{bx + lp + 3, by, 6.5, buf, kInk});
    }

    // Legend: only what the map shows, plus home and route.
    struct Item {
        enum Kind { Swatch, Hatch, Outline, Home, ShelterOk, ShelterNo, Welfare, Route } kind;
        Color colour;
        std::string label;
    };
    std::vector<Item> items;
    std::sort(classes_seen.begin(), classes_seen.end());
    for (int c : classes_seen) items.push_back({Item::Swatch, depth_colour(DepthRange{c == 1 ? 0.0 : c == 2 ? 0.5 : c == 3 ? 3.0 : c == 4 ? 5.0 : c == 5 ? 10.0 : 20.0, kUnbounded}), std::string("浸水") + depth_legend(c)});
    if (unknown_depth) items.push_back({Item::Swatch, depth_colour(std::nullopt), "浸水想定区域（深さ不明）"});
    if (collapse) items.push_back({Item::Hatch, kCollapse, "家屋倒壊等氾濫想定区域"});
    if (landslide) items.push_back({Item::Outline, kLandslide, "土砂災害警戒区域"});
    items.push_back({Item::Home, kHome, "自宅"});
    if (any_ok) items.push_back({Item::ShelterOk, kShelterOk, "避難所（洪水時使用可）"});
    if (any_no) items.push_back({Item::ShelterNo, kShelterNo, "避難所（洪水時使用不可）"});
    if (any_welfare) items.push_back({Item::Welfare, kWelfare, "福祉避難所"});
    if (tp) items.push_back({Item::Route, kRoute, "避難経路（直線）"});
    double fs = 6, x = legend.x, y = legend.y + 2, lh = 8.5;
    for (const auto& it : items) {
        double w = 10 + font.text_width(it.label, fs) + 6;
        if (x + w > legend.x + legend.w && x > legend.x) {
            x = legend.x;
            y += lh;
        }
        if (y + 7 > legend.y + legend.h + 0.5) break;
        double cx = x + 4, cy = y + 3.2;
        switch (it.kind) {
            case Item::Swatch: page.ops.push_back(RectOp{x, y, 8, 6, it.colour, Color::hex(0x999999), 0.3}); break;
            case Item::Hatch:
                page.ops.push_back(RectOp{x, y, 8, 6, std::nullopt, it.colour, 0.6});
                page.ops.push_back(LineOp{x, y + 6, x + 6, y, it.colour, 0.4, false});
                page.ops.push_back(LineOp{x + 3, y + 6, x + 8, y + 1, it.colour, 0.4, false});
                break;
            case Item::Outline: page.ops.push_back(RectOp{x, y, 8, 6, std::nullopt, it.colour, 1.0}); break;
            case Item::Home: {
                PathOp h;
                h.subpaths.push_back({{cx, cy - 3.5}, {cx + 3.5, cy}, {cx + 2.5, cy}, {cx + 2.5, cy + 3}, {cx - 2.5, cy + 3}, {cx - 2.5, cy}, {cx - 3.5, cy}});
                h.fill = it.colour;
                page.ops.push_back(h);
                break;
            }
            case Item::ShelterOk:
            case Item::ShelterNo: {
                PathOp m;
                m.subpaths.push_back(circle(cx, cy, 2.8));
                m.fill = it.kind == Item::ShelterOk ? it.colour : kWhite;
                m.stroke = it.kind == Item::ShelterOk ? kWhite : it.colour;
                m.line_width = 1.0;
                page.ops.push_back(m);
                break;
            }
            case Item::Welfare: {
                PathOp d;
                d.subpaths.push_back({{cx, cy - 3.5}, {cx + 3.5, cy}, {cx, cy + 3.5}, {cx - 3.5, cy}});
                d.stroke = it.colour;
                page.ops.push_back(d);
                break;
            }
            case Item::Route: page.ops.push_back(LineOp{x, cy, x + 8, cy, it.colour, 1.2, true}); break;
        }
        page.ops.push_back(TextOp{x + 10, y + 5.5, fs, it.label, kInk});
        x += w;
    }
}

}  // namespace sheetgen::render
