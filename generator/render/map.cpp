#include "render/map.hpp"

#include "risk/verdict.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>

#include "common/utf8.hpp"
#include "hazard/gsi_colours.hpp"
#include "render/words.hpp"

namespace sheetgen::render {

namespace {

constexpr double kEarthRadiusM = 6371008.8;
constexpr double kPi = 3.14159265358979323846;

Color depth_colour(const std::optional<DepthRange>& d) { return Color::hex(gsi_depth_rgb(d)); }


const Color kCollapse = Color::hex(0xD00000);
const Color kLandslide = Color::hex(0x8B5A2B);
const Color kHome = Color::hex(0xD62828);
const Color kShelterOk = Color::hex(0x2E9E44);
const Color kShelterNo = Color::hex(0x8A8A8A);
const Color kWelfare = Color::hex(0x6A3FA0);
const Color kRoute = Color::hex(0x1F3A93);
const Color kWhite = Color::hex(0xFFFFFF);
const Color kInk = Color::hex(0x222222);
// With a base map the zone fills let it show through: still clearly the
// zones' colours, and the roads and stations under them stay readable.
constexpr double kZoneOpacityOverBasemap = 0.72;

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
        // Markers reach kMarkerPadPt beyond their point: pad the frame by that
        // much of the box (hw = need + pad * 2hw / box), so none is cut.
        if (bw > 4 * kMarkerPadPt) need_w /= 1 - 2 * kMarkerPadPt / bw;
        if (bh > 4 * kMarkerPadPt) need_h /= 1 - 2 * kMarkerPadPt / bh;
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

void MapLegend::add(LegendEntry e) {
    for (const auto& x : entries)
        if (x.label == e.label && x.symbol == e.symbol) return;
    auto at = std::upper_bound(entries.begin(), entries.end(), e.rank,
                               [](int r, const LegendEntry& x) { return r < x.rank; });
    entries.insert(at, std::move(e));
}

bool MapLegend::has(const std::string& label) const {
    for (const auto& x : entries)
        if (x.label == label) return true;
    return false;
}

std::string shelter_legend_label(const Shelter& shelter, Lang lang) { return label(shelter.type, lang); }

namespace {

// Draws one map box: zones, route, shelters, home, labels, north arrow and
// scale bar, in that order (later ops on top), collecting the legend of what
// was really drawn. Coordinates: metres east/north of the extract's centre.
class MapPainter {
public:
    MapPainter(PageOps& page, const Rect& box, const MapExtract& map, const Profile& profile, const Verdict& verdict,
               const FontFace& font, Lang lang)
        : page_(page), box_(box), map_(map), profile_(profile), verdict_(verdict), font_(font), lang_(lang),
          s_(std::min(box.w / (2 * map.half_width_m), box.h / (2 * map.half_height_m))) {}

    MapLegend paint();

private:
    Point P(double x, double y) const { return Point{box_.x + box_.w / 2 + x * s_, box_.y + box_.h / 2 - y * s_}; }
    // A marker whose whole symbol fits in the frame (else it would be cut).
    bool fits(const Point& c, double r) const {
        return c.first - r >= box_.x && c.first + r <= box_.x + box_.w && c.second - r >= box_.y &&
               c.second + r <= box_.y + box_.h;
    }
    std::vector<std::vector<Point>> rings_of(const MapPolygon& pg) const;
    void depth_entry(const std::optional<DepthRange>& d);
    void kind_outline(const MapPolygon& pg, const std::vector<std::vector<Point>>& subpaths, std::vector<PathOp>& out);
    std::vector<std::vector<Point>> off_frame(const std::vector<std::vector<Point>>& rings) const;
    void draw_floods();
    void draw_collapse_and_landslide();
    void draw_route();
    bool usable(const Shelter& sh) const;
    void shelter_entry(const Shelter& sh, bool ok);
    void draw_shelters();
    void draw_target_label();
    void draw_planned_shelter_label();
    void draw_home();
    void draw_distance();
    void draw_north_arrow();
    void draw_scale_bar();
    struct ScaleBar;
    ScaleBar scale_bar() const;
    // The nearest place above or below `r` (same x) clear of everything drawn
    // so far and of the scale bar; `r` itself when nothing near is clear.
    Rect settle(const Rect& r) const;
    void label(double x, double y, double fs, const std::string& text, const Color& colour, double dy);
    void draw_basemap();
    void draw_place_labels();
    struct PlaceLabel;
    std::vector<PlaceLabel> place_labels() const;
    bool place(const PlaceLabel& l);
    // Page areas a place name must not cover: the home, markers, the other labels.
    void take(double x, double y, double w, double h) { taken_.push_back(Rect{x, y, w, h}); }
    bool free(const Rect& r) const;

    PageOps& page_;
    const Rect& box_;
    const MapExtract& map_;
    const Profile& profile_;
    const Verdict& verdict_;
    const FontFace& font_;
    const Lang lang_;
    const double s_;  // page points per metre
    MapLegend legend_;
    Point home_;
    std::optional<Target> target_;
    std::optional<Point> tp_;  // the route target on the page
    std::vector<Rect> taken_;
};

// Rings in page points; a zone wholly outside the frame counts as not drawn.
std::vector<std::vector<Point>> MapPainter::rings_of(const MapPolygon& pg) const {
    std::vector<std::vector<Point>> rs;
    double x0 = 1e300, y0 = 1e300, x1 = -1e300, y1 = -1e300;
    for (const auto& ring : pg.rings)
        for (const auto& [x, y] : ring.points)
            if (std::isfinite(x) && std::isfinite(y)) {
                Point q = P(x, y);
                x0 = std::min(x0, q.first), x1 = std::max(x1, q.first);
                y0 = std::min(y0, q.second), y1 = std::max(y1, q.second);
            }
    if (x1 < box_.x || x0 > box_.x + box_.w || y1 < box_.y || y0 > box_.y + box_.h) return rs;
    for (const auto& ring : pg.rings) {
        std::vector<Point> pts;
        for (const auto& [x, y] : ring.points)
            if (std::isfinite(x) && std::isfinite(y)) pts.push_back(P(x, y));  // never write "nan" into a PDF
        if (pts.size() >= 3) rs.push_back(std::move(pts));
    }
    return rs;
}

// Legend ranks: zones 0-39, home 40, shelters 50-69, route 90.
void MapPainter::depth_entry(const std::optional<DepthRange>& d) {
    if (!d) {
        legend_.add({LegendEntry::Swatch, depth_colour(d), word(Word::LegendDepthUnknown, lang_), 10});
        return;
    }
    int c = d->gsi_class();
    legend_.add({LegendEntry::Swatch, depth_colour(d), phrase(Word::LegendDepth, lang_, {{"depth", gsi_depth_legend(c, lang_)}}), c});
}

// A zone's rings as open lines without the stretches the clip to the frame
// added: an outline along the frame edge would draw a zone boundary that is
// not there.
std::vector<std::vector<Point>> MapPainter::off_frame(const std::vector<std::vector<Point>>& rings) const {
    const Point lo = P(-map_.half_width_m, map_.half_height_m), hi = P(map_.half_width_m, -map_.half_height_m);
    auto near = [](double u, double v) { return std::fabs(u - v) < 0.05; };
    auto on_frame = [&](const Point& a, const Point& b) {
        return (near(a.first, lo.first) && near(b.first, lo.first)) || (near(a.first, hi.first) && near(b.first, hi.first)) ||
               (near(a.second, lo.second) && near(b.second, lo.second)) ||
               (near(a.second, hi.second) && near(b.second, hi.second));
    };
    std::vector<std::vector<Point>> out;
    for (const auto& r : rings) {
        std::vector<Point> ring = r;
        if (ring.size() > 1 && ring.front() != ring.back()) ring.push_back(ring.front());
        std::vector<Point> line;
        for (size_t i = 0; i + 1 < ring.size(); ++i) {
            if (on_frame(ring[i], ring[i + 1])) {
                if (line.size() >= 2) out.push_back(std::move(line));
                line.clear();
                continue;
            }
            if (line.empty()) line.push_back(ring[i]);
            line.push_back(ring[i + 1]);
        }
        if (line.size() >= 2) out.push_back(std::move(line));
    }
    return out;
}

// A storm-surge or tsunami zone, filled in the depth colours like a river
// flood: a dashed outline in the kind's colour, named in the legend from the
// kind table.
void MapPainter::kind_outline(const MapPolygon& pg, const std::vector<std::vector<Point>>& subpaths,
                              std::vector<PathOp>& out) {
    if (!has_kind_outline(pg.layer_kind)) return;
    PathOp op;
    op.subpaths = off_frame(subpaths);
    op.closed = false;
    op.stroke = Color::hex(kind_outline_rgb(pg.layer_kind));
    op.line_width = 0.9;
    op.dashed = true;
    if (!op.subpaths.empty()) out.push_back(std::move(op));
    // Named even when the zone covers the whole frame (no outline to see):
    // the colours on the map are then that kind's.
    legend_.add({LegendEntry::DashedOutline, Color::hex(kind_outline_rgb(pg.layer_kind)),
                 phrase(Word::LegendKindOutline, lang_, {{"kind", kind_name(pg.layer_kind, lang_)}}),
                 12 + static_cast<int>(pg.layer_kind)});
}

void MapPainter::draw_floods() {
    // Shallow classes first so deeper water is drawn on top.
    std::vector<const MapPolygon*> floods;
    for (const auto& pg : map_.polygons)
        if (pg.kind == ZoneKind::FloodDepth) floods.push_back(&pg);
    std::stable_sort(floods.begin(), floods.end(), [](const MapPolygon* a, const MapPolygon* b) {
        return (a->depth ? a->depth->gsi_class() : 0) < (b->depth ? b->depth->gsi_class() : 0);
    });
    std::vector<PathOp> outlines;
    for (const MapPolygon* pg : floods) {
        PathOp op;
        op.subpaths = rings_of(*pg);
        op.fill = depth_colour(pg->depth);
        op.even_odd = true;
        if (map_.with_basemap) op.fill_opacity = kZoneOpacityOverBasemap;
        if (op.subpaths.empty()) continue;  // nothing drawable: not in the legend either
        kind_outline(*pg, op.subpaths, outlines);
        page_.ops.push_back(std::move(op));
        depth_entry(pg->depth);
    }
    // Outlines on top of every fill, so no deeper class covers them.
    for (PathOp& o : outlines) page_.ops.push_back(std::move(o));
}

void MapPainter::draw_collapse_and_landslide() {
    for (const auto& pg : map_.polygons) {
        const bool collapse = pg.kind == ZoneKind::HouseCollapse;
        if (!collapse && pg.kind != ZoneKind::Landslide) continue;
        PathOp op;
        op.subpaths = rings_of(pg);
        if (collapse) hatch(page_, op.subpaths, 3.5, kCollapse);
        op.stroke = collapse ? kCollapse : kLandslide;
        op.line_width = collapse ? 0.9 : 1.1;
        if (op.subpaths.empty()) continue;
        page_.ops.push_back(std::move(op));
        if (collapse)
            legend_.add({LegendEntry::Hatch, kCollapse, word(Word::LegendHouseCollapse, lang_), 20});
        else
            legend_.add({LegendEntry::Outline, kLandslide, word(Word::LegendLandslide, lang_), 30});
    }
}

void MapPainter::draw_route() {
    auto [hx, hy] = local_metres(map_.centre, profile_.household.location);
    home_ = P(hx, hy);
    target_ = route_target(verdict_);
    if (!target_) return;
    std::pair<double, double> t = local_metres(map_.centre, target_->loc);
    for (const auto& ms : map_.shelters)
        if (ms.shelter && ms.shelter->id == target_->id && !target_->id.empty()) t = {ms.x, ms.y};
    tp_ = P(t.first, t.second);
    page_.ops.push_back(LineOp{home_.first, home_.second, tp_->first, tp_->second, kRoute, 1.3, true});
    legend_.add({LegendEntry::Route, kRoute, word(Word::LegendRoute, lang_), 90});
}

// Shelter markers tell whether the site is usable in the household's
// hazard: a landslide-only household is not described with flood wording.
bool MapPainter::usable(const Shelter& sh) const {
    const Exposure& ex = verdict_.exposure;
    const bool landslide_only = ex.in_landslide && !ex.in_flood_zone && !ex.in_house_collapse;
    return landslide_only ? sh.landslide && !sh.exposure.in_landslide : sh.usable_in_flood();
}

void MapPainter::shelter_entry(const Shelter& sh, bool ok) {
    const Exposure& ex = verdict_.exposure;
    const bool landslide_only = ex.in_landslide && !ex.in_flood_zone && !ex.in_house_collapse;
    const std::string& when = word(landslide_only ? Word::InALandslide : Word::InAFlood, lang_);
    LegendEntry e;
    e.symbol = sh.welfare ? (ok ? LegendEntry::WelfareOk : LegendEntry::WelfareNo)
                          : (ok ? LegendEntry::ShelterOk : LegendEntry::ShelterNo);
    e.colour = ok ? kShelterOk : kShelterNo;
    e.label = phrase(ok ? Word::LegendUsable : Word::LegendNotUsable, lang_,
                     {{"type", shelter_legend_label(sh, lang_)}, {"when", when}});
    e.rank = 50 + 10 * static_cast<int>(sh.type) + (ok ? 0 : 1);
    legend_.add(e);
}

// Shelters: filled green = usable in the household's hazard, hollow grey = not.
void MapPainter::draw_shelters() {
    for (const auto& ms : map_.shelters) {
        if (!ms.shelter || !std::isfinite(ms.x) || !std::isfinite(ms.y)) continue;
        Point c = P(ms.x, ms.y);
        bool ok = usable(*ms.shelter);
        bool is_target = target_ && ms.shelter->id == target_->id;
        double r = is_target ? 4.2 : 3.0;
        const double reach = ms.shelter->welfare ? r + 2.5 : r + 0.5;
        if (!fits(c, reach)) continue;  // at the very edge: would be cut
        take(c.first - reach, c.second - reach, 2 * reach, 2 * reach);
        if (ms.shelter->welfare) {
            PathOp d;
            d.subpaths.push_back({{c.first, c.second - r - 2}, {c.first + r + 2, c.second}, {c.first, c.second + r + 2}, {c.first - r - 2, c.second}});
            d.stroke = kWelfare;
            d.line_width = 1.0;
            page_.ops.push_back(d);
        }
        PathOp m;
        m.subpaths.push_back(circle(c.first, c.second, r));
        m.fill = ok ? kShelterOk : kWhite;
        m.stroke = ok ? kWhite : kShelterNo;
        if (!ok) m.line_width = 1.1;
        page_.ops.push_back(m);
        shelter_entry(*ms.shelter, ok);
    }
}

// A name on a white ground, centred above (x, y) and kept inside the frame.
Rect MapPainter::settle(const Rect& r) const {
    if (free(r)) return r;
    for (int k = 1; k <= 8; ++k)
        for (int dir : {-1, 1}) {
            Rect moved = r;
            moved.y += dir * k * (r.h + 1);
            if (free(moved)) return moved;
        }
    return r;
}

void MapPainter::label(double x, double y, double fs, const std::string& text, const Color& colour, double dy) {
    double w = font_.text_width(text, fs);
    double lx = std::clamp(x - w / 2, box_.x + 2, box_.x + box_.w - w - 2);
    double ly = std::clamp(y - dy, box_.y + fs + 2, box_.y + box_.h - 2);
    // Clamped to the frame, a far target's name lands where the route leaves
    // it: off the scale bar and the other labels.
    const Rect r = settle(Rect{lx - 1, ly - fs * 0.9, w + 2, fs * 1.2});
    ly += r.y - (ly - fs * 0.9);
    page_.ops.push_back(RectOp{r.x, r.y, r.w, r.h, Color::hex(0xFFFFFF), std::nullopt, 0});
    page_.ops.push_back(TextOp{lx, ly, fs, text, colour});
    take(r.x, r.y, r.w, r.h);
}

void MapPainter::draw_target_label() {
    if (!tp_) return;
    bool drawn = false;
    for (const auto& ms : map_.shelters) drawn = drawn || (ms.shelter && ms.shelter->id == target_->id);
    if (!drawn && fits(*tp_, 4.7)) {  // target outside the extract's shelter list: mark it anyway
        PathOp m;
        m.subpaths.push_back(circle(tp_->first, tp_->second, 4.2));
        m.fill = kShelterOk;
        m.stroke = kWhite;
        page_.ops.push_back(m);
        take(tp_->first - 4.7, tp_->second - 4.7, 9.4, 9.4);
        Shelter as_drawn;
        as_drawn.welfare = false;
        shelter_entry(as_drawn, true);
    }
    label(tp_->first, tp_->second, 6.5, drawable(font_, target_->name), kInk, 7);
}

// The planned shelter, when the route goes elsewhere (not usable in a flood).
void MapPainter::draw_planned_shelter_label() {
    const auto& planned = verdict_.planned_shelter;
    if (!planned || (target_ && target_->id == planned->id)) return;
    std::pair<double, double> t = local_metres(map_.centre, planned->location);
    Point c = P(t.first, t.second);
    bool inside = c.first >= box_.x && c.first <= box_.x + box_.w && c.second >= box_.y && c.second <= box_.y + box_.h;
    if (!inside) return;
    // English names only accepted places: a planned site the verdict also
    // accepts (as the site for when it is too late) keeps its name alone.
    bool accepted = false;
    for (const auto& d : verdict_.destinations)
        accepted = accepted || (d.role != DestinationRole::ToArrange && !d.id.empty() && d.id == planned->id);
    if (lang_ == Lang::En && accepted)
        label(c.first, c.second, 6, drawable(font_, planned->name), kInk, 6);
    else
        label(c.first, c.second, 6, phrase(Word::PlannedNotUsedLabel, lang_, {{"name", drawable(font_, planned->name)}}),
              kShelterNo, 6);
}

// Home: a red house shape.
void MapPainter::draw_home() {
    const double r = 5.5;
    const auto [x, y] = home_;
    PathOp h;
    h.subpaths.push_back({{x, y - r}, {x + r, y}, {x + r * 0.7, y}, {x + r * 0.7, y + r}, {x - r * 0.7, y + r},
                          {x - r * 0.7, y}, {x - r, y}});
    h.fill = kHome;
    h.stroke = kWhite;
    h.line_width = 0.8;
    page_.ops.push_back(h);
    take(x - r - 1.5, y - r - 1.5, 2 * r + 3, 2 * r + 3);
    legend_.add({LegendEntry::Home, kHome, word(Word::LegendHome, lang_), 40});
}

void MapPainter::draw_distance() {
    if (!tp_ || !target_) return;
    const double m = target_->distance_m > 0 ? target_->distance_m
                                             : std::hypot(tp_->first - home_.first, tp_->second - home_.second) / s_;
    std::string d = lang_ == Lang::En ? format_distance_en(m) : format_distance_ja(m);
    double fs = 7;
    double w = font_.text_width(d, fs);
    // 3 pt in from the frame: the box (1.5 pt wider) must be free() to move.
    double mx = std::clamp((home_.first + tp_->first) / 2 - w / 2, box_.x + 3, box_.x + box_.w - w - 3);
    double my = std::clamp((home_.second + tp_->second) / 2 + 3, box_.y + fs + 2, box_.y + box_.h - 14);
    const Rect r = settle(Rect{mx - 1.5, my - fs * 0.95, w + 3, fs * 1.3});
    my += r.y - (my - fs * 0.95);
    page_.ops.push_back(RectOp{r.x, r.y, r.w, r.h, Color::hex(0xFFFFFF), kRoute, 0.4});
    page_.ops.push_back(TextOp{mx, my, fs, d, kRoute});
    take(r.x, r.y, r.w, r.h);
}

// Top right.
void MapPainter::draw_north_arrow() {
    double ax = box_.x + box_.w - 12, ay = box_.y + 6;
    PathOp a;
    a.subpaths.push_back({{ax, ay}, {ax + 4, ay + 12}, {ax, ay + 9}, {ax - 4, ay + 12}});
    a.fill = kInk;
    page_.ops.push_back(a);
    page_.ops.push_back(TextOp{ax - font_.text_width("N", 7) / 2, ay + 20, 7, "N", kInk});
}

// Bottom left: the largest round length up to a quarter of the width.
struct MapPainter::ScaleBar {
    double bx = 0, by = 0, lp = 0;  // left end of the bar, its baseline, its length in points
    std::string text;               // "500m", "1km"
    Rect area;                      // the white box under it
};
MapPainter::ScaleBar MapPainter::scale_bar() const {
    double width_m = box_.w / s_;
    double len = 50;
    for (double c : {50.0, 100.0, 200.0, 250.0, 500.0, 1000.0, 2000.0})
        if (c <= width_m / 4) len = c;
    ScaleBar b;
    b.lp = len * s_;
    b.bx = box_.x + 6;
    b.by = box_.y + box_.h - 6;
    char buf[32];
    if (len >= 1000) std::snprintf(buf, sizeof buf, "%gkm", len / 1000);
    else std::snprintf(buf, sizeof buf, "%gm", len);
    b.text = buf;
    b.area = Rect{b.bx - 2, b.by - 7, b.lp + 6 + font_.text_width(b.text, 6.5), 9};
    return b;
}
void MapPainter::draw_scale_bar() {
    const ScaleBar b = scale_bar();
    page_.ops.push_back(RectOp{b.area.x, b.area.y, b.area.w, b.area.h, Color::hex(0xFFFFFF), std::nullopt, 0});
    page_.ops.push_back(LineOp{b.bx, b.by, b.bx + b.lp, b.by, kInk, 1.2, false});
    page_.ops.push_back(LineOp{b.bx, b.by - 3, b.bx, b.by, kInk, 0.8, false});
    page_.ops.push_back(LineOp{b.bx + b.lp, b.by - 3, b.bx + b.lp, b.by, kInk, 0.8, false});
    page_.ops.push_back(TextOp{b.bx + b.lp + 3, b.by, 6.5, b.text, kInk});
}

// The base map, first (under the zones): muted areas and lines, and a small
// square where a station is a point. Line and outline features are open paths.
void MapPainter::draw_basemap() {
    for (const MapFeature& f : map_.basemap) {
        const BasemapStyleInfo& st = style_info(f.style);
        std::vector<std::vector<Point>> paths;
        for (const auto& part : f.parts) {
            std::vector<Point> pts;
            for (const auto& [x, y] : part)
                if (std::isfinite(x) && std::isfinite(y)) pts.push_back(P(x, y));
            if (!pts.empty()) paths.push_back(std::move(pts));
        }
        if (paths.empty()) continue;
        if (f.shape == MapFeature::Shape::Point) {
            if (!st.marker) continue;
            const Point c = paths.front().front();
            page_.ops.push_back(RectOp{c.first - 2.2, c.second - 2.2, 4.4, 4.4, kWhite, Color::hex(st.stroke), 1.0});
            take(c.first - 2.8, c.second - 2.8, 5.6, 5.6);
            continue;
        }
        const bool area = f.shape == MapFeature::Shape::Area;
        if (area ? !st.fill : st.width <= 0) continue;
        PathOp op;
        for (auto& p : paths)
            if (p.size() >= (area ? 3u : 2u)) op.subpaths.push_back(std::move(p));
        if (op.subpaths.empty()) continue;
        if (area) {
            op.fill = Color::hex(st.fill_rgb);
            op.even_odd = true;
        } else {
            op.stroke = Color::hex(st.stroke);
            op.line_width = st.width;
            op.dashed = st.dashed;
            op.closed = false;
        }
        page_.ops.push_back(std::move(op));
    }
}

// A place name to put on the map: a shelter's, a station's, a town's ...
struct MapPainter::PlaceLabel {
    std::string text;
    Point at;            // the place, on the page
    double reach = 0;    // its marker's half size: the name goes beside it; 0 = centred on the place
    double size = 5.5;
    Color colour;
    bool ground = true;  // on a white ground (over the zones); town names are not
    int rank = 0;        // lower placed first
    double from_home = 0;
};

bool MapPainter::free(const Rect& r) const {
    if (r.x < box_.x + 1 || r.y < box_.y + 1 || r.x + r.w > box_.x + box_.w - 1 || r.y + r.h > box_.y + box_.h - 1)
        return false;
    for (const Rect& t : taken_)
        if (r.x < t.x + t.w && t.x < r.x + r.w && r.y < t.y + t.h && t.y < r.y + r.h) return false;
    return true;
}

// Shelter names (never the route's target or the planned shelter: they are
// named already) and the base map's labels, in placement order: stations,
// shelters, towns, the rest; nearer the home first.
std::vector<MapPainter::PlaceLabel> MapPainter::place_labels() const {
    std::vector<PlaceLabel> out;
    auto shorten = [&](const std::string& name) {
        std::vector<char32_t> u = decode_utf8(drawable(font_, name));
        if (u.size() > 14) {  // long names (立体駐車場３階から最上階 ...) are cut: the map is small
            u.resize(13);
            u.push_back(U'…');
        }
        std::string s;
        for (char32_t c : u) s += encode_utf8(c);
        return s;
    };
    const std::string planned = verdict_.planned_shelter ? verdict_.planned_shelter->id : "";
    for (const auto& ms : map_.shelters) {
        if (!ms.shelter || ms.shelter->name.empty() || !std::isfinite(ms.x) || !std::isfinite(ms.y)) continue;
        if ((target_ && ms.shelter->id == target_->id) || (!planned.empty() && ms.shelter->id == planned)) continue;
        // A site this household must not use keeps its hollow marker but gets
        // no name: a sheet names no destination the verdict turned down. Nor
        // does a welfare shelter that is not the household's own: direct
        // evacuation there is for people agreed in advance (2021 guideline).
        if (!usable(*ms.shelter) || ms.shelter->welfare) continue;
        out.push_back({shorten(ms.shelter->name), P(ms.x, ms.y), ms.shelter->welfare ? 6.0 : 3.5, 5.5,
                       Color::hex(0x1E6B2E), true, kShelterLabelRank, 0});
    }
    for (const MapFeature& f : map_.basemap) {
        if (f.label.empty() || !f.label_at) continue;
        const BasemapStyleInfo& st = style_info(f.style);
        const bool marked = f.shape == MapFeature::Shape::Point && st.marker;
        const bool on_line = f.shape == MapFeature::Shape::Line && f.style == BasemapStyle::Station;
        out.push_back({shorten(f.label), P(f.label_at->first, f.label_at->second), marked ? 3.0 : on_line ? 2.5 : 0,
                       st.label_size, Color::hex(st.label_rgb), f.style == BasemapStyle::Station, st.label_rank, 0});
    }
    for (auto& l : out) l.from_home = std::hypot(l.at.first - home_.first, l.at.second - home_.second);
    std::stable_sort(out.begin(), out.end(), [](const PlaceLabel& a, const PlaceLabel& b) {
        if (a.rank != b.rank) return a.rank < b.rank;
        return a.from_home < b.from_home;  // nearer the home first: those are what the family looks for
    });
    return out;
}

// The first free spot beside the place (right, left, above, below; a name
// without a marker centred on it first), or nothing: greedy, in rank order.
bool MapPainter::place(const PlaceLabel& l) {
    const double w = font_.text_width(l.text, l.size), fs = l.size;
    const double x = l.at.first, y = l.at.second, r = l.reach;
    std::vector<Point> spots;  // baseline starts: beside, above, below, then the corners, then a little further
    if (r <= 0) spots.push_back({x - w / 2, y + fs * 0.35});
    for (double d : {r + 1.5, r + 1.5 + fs}) {
        spots.push_back({x + d, y + fs * 0.35});
        spots.push_back({x - d - w, y + fs * 0.35});
        spots.push_back({x - w / 2, y - d - fs * 0.25});
        spots.push_back({x - w / 2, y + d + fs * 0.9});
        spots.push_back({x + d, y - d + fs * 0.2});
        spots.push_back({x + d, y + d + fs * 0.6});
        spots.push_back({x - d - w, y - d + fs * 0.2});
        spots.push_back({x - d - w, y + d + fs * 0.6});
    }
    for (const auto& [lx, ly] : spots) {
        const Rect box{lx - 0.8, ly - fs * 0.92, w + 1.6, fs * 1.18};
        if (!free(box)) continue;
        if (l.ground) page_.ops.push_back(RectOp{box.x, box.y, box.w, box.h, kWhite, std::nullopt, 0});
        page_.ops.push_back(TextOp{lx, ly, fs, l.text, l.colour});
        taken_.push_back(box);
        return true;
    }
    return false;
}

// Names last, over the zones, so none is hidden: shelters, stations and towns
// around the home first. Names that find no free spot are left out.
void MapPainter::draw_place_labels() {
    // The north arrow and the scale bar are drawn over the frame afterwards.
    take(box_.x + box_.w - 18, box_.y + 2, 16, 26);
    take(box_.x + 2, box_.y + box_.h - 16, box_.w / 4 + 34, 15);
    std::vector<std::string> placed;
    for (const PlaceLabel& l : place_labels()) {
        if (std::find(placed.begin(), placed.end(), l.text) != placed.end()) continue;
        if (place(l)) placed.push_back(l.text);
    }
}

MapLegend MapPainter::paint() {
    page_.ops.push_back(RectOp{box_.x, box_.y, box_.w, box_.h, Color::hex(0xFBFBF8), std::nullopt, 0.5});
    page_.ops.push_back(ClipBegin{box_.x, box_.y, box_.w, box_.h});
    // Drawn last, over the frame: no label may sit under it.
    const Rect bar = scale_bar().area;
    take(bar.x, bar.y, bar.w, bar.h);
    draw_basemap();
    draw_floods();
    draw_collapse_and_landslide();
    draw_route();
    draw_shelters();
    draw_target_label();
    draw_planned_shelter_label();
    draw_home();
    draw_distance();
    if (map_.with_basemap) draw_place_labels();
    page_.ops.push_back(ClipEnd{});
    page_.ops.push_back(RectOp{box_.x, box_.y, box_.w, box_.h, std::nullopt, kInk, 0.7});
    draw_north_arrow();
    draw_scale_bar();
    legend_.attributions = map_.attributions;
    if (map_.with_basemap) legend_.swatch_opacity = kZoneOpacityOverBasemap;
    return legend_;
}

}  // namespace

MapLegend draw_map(PageOps& page, const Rect& box, const MapExtract* map, const Profile& profile,
                   const Verdict& verdict, const FontFace& font, Lang lang) {
    if (map && !map->failure.empty()) {
        // Never a map without its zones: the frame says so, the run warns (commands/render_lib.cpp).
        page.ops.push_back(RectOp{box.x, box.y, box.w, box.h, Color::hex(0xF0F0F0), kInk, 0.6});
        const bool en = lang == Lang::En;
        const std::string t = en ? kMapFailedTextEn : kMapFailedText,
                          sub = en ? "(the zone data could not be drawn on the map)" : "（区域データを地図に描けませんでした）";
        page.ops.push_back(TextOp{box.x + (box.w - font.text_width(t, 10)) / 2, box.y + box.h / 2, 10, t, kInk});
        page.ops.push_back(TextOp{box.x + (box.w - font.text_width(sub, 6.5)) / 2, box.y + box.h / 2 + 11, 6.5, sub,
                                  Color::hex(0x555555)});
        return MapLegend{};
    }
    if (!map || !(map->half_width_m > 0 && map->half_height_m > 0 && std::isfinite(map->half_width_m) &&
                  std::isfinite(map->half_height_m))) {
        page.ops.push_back(RectOp{box.x, box.y, box.w, box.h, Color::hex(0xF0F0F0), kInk, 0.6});
        std::string t = word(Word::NoMap, lang);
        double w = font.text_width(t, 10);
        page.ops.push_back(TextOp{box.x + (box.w - w) / 2, box.y + box.h / 2 + 4, 10, t, Color::hex(0x666666)});
        return MapLegend{};
    }
    return MapPainter(page, box, *map, profile, verdict, font, lang).paint();
}

namespace {

constexpr double kLegendFs = 6, kLegendLh = 8.5;
double entry_width(const LegendEntry& e, const FontFace& font) { return 10 + font.text_width(e.label, kLegendFs) + 6; }

// Rows of entries at `width`: starts of each row.
template <typename F>
int lay_legend(const MapLegend& legend, double width, const FontFace& font, F&& place) {
    double x = 0;
    int row = 0;
    for (const auto& e : legend.entries) {
        double w = entry_width(e, font);
        if (x + w > width && x > 0) {
            x = 0;
            ++row;
        }
        place(e, x, row);
        x += w;
    }
    return legend.entries.empty() ? 0 : row + 1;
}

// Attribution lines after the entries: each text whole on a row, several on
// one row when they fit; a text longer than the row wraps.
constexpr double kCreditFs = 5.5, kCreditLh = 7, kCreditGap = 8;
const Color kCreditInk = Color::hex(0x555555);

template <typename F>
int lay_credits(const MapLegend& legend, double width, const FontFace& font, F&& place) {
    double x = 0;
    int row = 0;
    bool any = false;
    for (const auto& a : legend.attributions) {
        for (const auto& piece : wrap_text(font, a, kCreditFs, width)) {
            const double w = font.text_width(piece, kCreditFs);
            if (any && x + w > width) {
                x = 0;
                ++row;
            }
            place(piece, x, row);
            x += w + kCreditGap;
            any = true;
        }
    }
    return any ? row + 1 : 0;
}

void draw_credits(PageOps& page, const Rect& area, const MapLegend& legend, const FontFace& font) {
    const int rows = lay_legend(legend, area.w, font, [](const LegendEntry&, double, int) {});
    const double top = area.y + (rows == 0 ? 0 : 3 + rows * kLegendLh) + 2;
    lay_credits(legend, area.w, font, [&](const std::string& text, double dx, int row) {
        page.ops.push_back(TextOp{area.x + dx, top + row * kCreditLh + kCreditFs, kCreditFs, text, kCreditInk});
    });
}

}  // namespace

double map_legend_height(const MapLegend& legend, double width, const FontFace& font) {
    int rows = lay_legend(legend, width, font, [](const LegendEntry&, double, int) {});
    const int credits = lay_credits(legend, width, font, [](const std::string&, double, int) {});
    return (rows == 0 ? 0 : 3 + rows * kLegendLh) + (credits == 0 ? 0 : 2 + credits * kCreditLh);
}

void draw_map_legend(PageOps& page, const Rect& area, const MapLegend& legend, const FontFace& font) {
    lay_legend(legend, area.w, font, [&](const LegendEntry& it, double dx, int row) {
        double x = area.x + dx, y = area.y + 2 + row * kLegendLh;
        double cx = x + 4, cy = y + 3.2;
        switch (it.symbol) {
            case LegendEntry::Swatch:
                if (legend.swatch_opacity < 1) {  // as the zones are drawn over a base map
                    PathOp sw;
                    sw.subpaths.push_back({{x, y}, {x + 8, y}, {x + 8, y + 6}, {x, y + 6}});
                    sw.fill = it.colour;
                    sw.fill_opacity = legend.swatch_opacity;
                    sw.stroke = Color::hex(0x999999);
                    sw.line_width = 0.3;
                    page.ops.push_back(std::move(sw));
                    break;
                }
                page.ops.push_back(RectOp{x, y, 8, 6, it.colour, Color::hex(0x999999), 0.3});
                break;
            case LegendEntry::Hatch:
                page.ops.push_back(RectOp{x, y, 8, 6, std::nullopt, it.colour, 0.6});
                page.ops.push_back(LineOp{x, y + 6, x + 6, y, it.colour, 0.4, false});
                page.ops.push_back(LineOp{x + 3, y + 6, x + 8, y + 1, it.colour, 0.4, false});
                break;
            case LegendEntry::Outline: page.ops.push_back(RectOp{x, y, 8, 6, std::nullopt, it.colour, 1.0}); break;
            case LegendEntry::DashedOutline: {
                PathOp r;
                r.subpaths.push_back({{x, y}, {x + 8, y}, {x + 8, y + 6}, {x, y + 6}});
                r.stroke = it.colour;
                r.line_width = 0.9;
                r.dashed = true;
                page.ops.push_back(r);
                break;
            }
            case LegendEntry::Home: {
                PathOp h;
                h.subpaths.push_back({{cx, cy - 3.5}, {cx + 3.5, cy}, {cx + 2.5, cy}, {cx + 2.5, cy + 3}, {cx - 2.5, cy + 3}, {cx - 2.5, cy}, {cx - 3.5, cy}});
                h.fill = it.colour;
                page.ops.push_back(h);
                break;
            }
            case LegendEntry::WelfareOk:
            case LegendEntry::WelfareNo:
            case LegendEntry::ShelterOk:
            case LegendEntry::ShelterNo: {
                bool ok = it.symbol == LegendEntry::ShelterOk || it.symbol == LegendEntry::WelfareOk;
                bool welfare = it.symbol == LegendEntry::WelfareOk || it.symbol == LegendEntry::WelfareNo;
                if (welfare) {
                    PathOp d;
                    d.subpaths.push_back({{cx, cy - 4}, {cx + 4, cy}, {cx, cy + 4}, {cx - 4, cy}});
                    d.stroke = kWelfare;
                    page.ops.push_back(d);
                }
                PathOp m;
                m.subpaths.push_back(circle(cx, cy, welfare ? 2.2 : 2.8));
                m.fill = ok ? it.colour : kWhite;
                m.stroke = ok ? kWhite : it.colour;
                m.line_width = 1.0;
                page.ops.push_back(m);
                break;
            }
            case LegendEntry::Route: page.ops.push_back(LineOp{x, cy, x + 8, cy, it.colour, 1.2, true}); break;
        }
        page.ops.push_back(TextOp{x + 10, y + 5.5, kLegendFs, it.label, kInk});
    });
    draw_credits(page, area, legend, font);
}

void draw_map(PageOps& page, const Rect& box, const Rect& legend, const MapExtract* map, const Profile& profile,
              const Verdict& verdict, const FontFace& font) {
    MapLegend l = draw_map(page, box, map, profile, verdict, font);
    draw_map_legend(page, legend, l, font);
}

}  // namespace sheetgen::render
