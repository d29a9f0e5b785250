#include <catch2/catch.hpp>

#include "fixtures.hpp"
#include "hazard/gsi_colours.hpp"
#include "layout/font.hpp"
#include "render/map.hpp"

using namespace sheetgen;
using namespace sheetgen::render;

namespace {
const FontFace& font() {
    static const auto f = FontFace::load(test::font_path());
    return *f;
}
bool same(const Color& a, unsigned rgb) {
    Color b = Color::hex(rgb);
    return std::abs(a.r - b.r) < 1e-9 && std::abs(a.g - b.g) < 1e-9 && std::abs(a.b - b.b) < 1e-9;
}
}  // namespace

TEST_CASE("map: zones, markers and legend stay in the box, GSI colours, holes even-odd", "[map]") {
    Profile p = test::sample_profile();
    Verdict v = test::sample_verdict();
    auto shelters = test::sample_shelters();
    MapRequest req = make_map_request(p, v, 300, 150);
    MapExtract m = test::sample_map(shelters, req.centre, req.half_width_m, req.half_height_m);
    Rect box{100, 200, 300, 150};
    PageOps page;
    MapLegend drawn = draw_map(page, box, &m, p, v, font());
    Rect legend{100, 351, 300, map_legend_height(drawn, 300, font())};
    draw_map_legend(page, legend, drawn, font());

    int depth_in_clip = 0;
    bool in_clip = false, saw_class2 = false, saw_unknown = false, saw_dash = false;
    std::vector<std::string> texts;
    for (const auto& op : page.ops) {
        if (auto* c = std::get_if<ClipBegin>(&op)) {
            CHECK(c->x == box.x);
            CHECK(c->w == box.w);
            in_clip = true;
        } else if (std::get_if<ClipEnd>(&op)) {
            in_clip = false;
        } else if (auto* pa = std::get_if<PathOp>(&op)) {
            if (in_clip && pa->fill && pa->subpaths.size() == 2) {
                CHECK(pa->even_odd);  // the class-2 zone has a hole
                CHECK(same(*pa->fill, 0xFFD8C0));
                saw_class2 = true;
            }
            if (pa->fill && same(*pa->fill, 0xB3D9FF)) saw_unknown = true;
            if (in_clip && pa->fill) ++depth_in_clip;
        } else if (auto* l = std::get_if<LineOp>(&op)) {
            if (l->dashed) saw_dash = true;
        } else if (auto* t = std::get_if<TextOp>(&op)) {
            texts.push_back(t->text);
            double w = font().text_width(t->text, t->size);
            bool inside_box = t->x >= box.x && t->x + w <= box.x + box.w + 1e-6 && t->y <= box.bottom() && t->y - t->size >= box.y - 1e-6;
            bool inside_legend = t->x >= legend.x && t->x + w <= legend.x + legend.w + 1e-6 && t->y <= legend.bottom() + 1e-6;
            CHECK((inside_box || inside_legend));
        }
    }
    CHECK(saw_class2);
    CHECK(saw_unknown);
    CHECK(saw_dash);  // home -> shelter route
    CHECK(depth_in_clip >= 4);
    auto has = [&](const std::string& s) { return std::find(texts.begin(), texts.end(), s) != texts.end(); };
    CHECK(has("約850m"));
    CHECK(has("N"));
    CHECK(has("家屋倒壊等氾濫想定区域"));
    CHECK(has("浸水想定区域（深さ不明）"));
    CHECK(has("自宅"));
    bool round_scale = has("50m") || has("100m") || has("200m") || has("250m") || has("500m") || has("1km") || has("2km");
    CHECK(round_scale);
}

TEST_CASE("map: no data draws an empty 地図なし box", "[map]") {
    Profile p = test::sample_profile();
    Verdict v = test::sample_verdict();
    PageOps page;
    draw_map(page, Rect{0, 0, 200, 100}, Rect{0, 101, 200, 19}, nullptr, p, v, font());
    bool found = false;
    for (const auto& op : page.ops)
        if (auto* t = std::get_if<TextOp>(&op)) found = found || t->text == "地図なし";
    CHECK(found);
}

namespace {
std::vector<std::string> texts_of(const PageOps& page) {
    std::vector<std::string> out;
    for (const auto& op : page.ops)
        if (auto* t = std::get_if<TextOp>(&op)) out.push_back(t->text);
    return out;
}
bool contains(const std::vector<std::string>& v, const std::string& s) { return std::find(v.begin(), v.end(), s) != v.end(); }
}  // namespace

TEST_CASE("map: shelter legend names come from shelter_legend_label", "[map]") {
    Shelter s = test::sample_shelter();
    CHECK(shelter_legend_label(s) == "指定緊急避難場所");
    s.type = ShelterType::WelfareShelter;
    CHECK(shelter_legend_label(s) == "福祉避難所");
    s.type = ShelterType::EvacuationShelter;
    CHECK(shelter_legend_label(s) == "指定避難所");
}

TEST_CASE("map: the legend lists exactly what was drawn (welfare shelter and route included)", "[map]") {
    Profile p = test::sample_profile();
    Verdict v = test::sample_verdict();
    auto shelters = test::sample_shelters();
    // The welfare shelter a little south-east of the home, inside the frame.
    shelters[2].location = LatLon{p.household.location.lat - 0.0008, p.household.location.lon + 0.0015};
    MapRequest req = make_map_request(p, v, 296, 136);
    MapExtract m = test::sample_map(shelters, req.centre, req.half_width_m, req.half_height_m);
    // The sheet's box and legend strip as the shipped template sizes them (296 x 136 pt, 19 pt below).
    Rect box{100, 200, 296, 136}, legend{100, 337, 296, 19};
    PageOps page;
    draw_map(page, box, legend, &m, p, v, font());
    auto texts = texts_of(page);
    // Drawn: flood classes, unknown depth, collapse, landslide, home, a usable
    // and an unusable emergency site, a welfare shelter, the route.
    CHECK(contains(texts, "福祉避難所（洪水時使用可）"));
    CHECK(contains(texts, "避難経路（直線）"));
    CHECK(contains(texts, "指定緊急避難場所（洪水時使用可）"));
    CHECK(contains(texts, "指定緊急避難場所（洪水時使用不可）"));
    CHECK(contains(texts, "土砂災害警戒区域"));
    for (const auto& t : texts) CHECK(t.rfind("避難所（", 0) != 0);  // never plain 避難所 for GSI sites
    // Nothing listed that was not drawn: no landslide zone, no legend entry.
    MapExtract no_slide = m;
    no_slide.polygons.erase(std::remove_if(no_slide.polygons.begin(), no_slide.polygons.end(),
                                           [](const MapPolygon& pg) { return pg.kind == ZoneKind::Landslide; }),
                            no_slide.polygons.end());
    PageOps page2;
    MapLegend l2 = draw_map(page2, box, &no_slide, p, v, font());
    CHECK_FALSE(l2.has("土砂災害警戒区域"));
    CHECK(l2.has("福祉避難所（洪水時使用可）"));
    // The strip the section reserves holds every entry.
    double h = map_legend_height(l2, box.w, font());
    PageOps strip;
    draw_map_legend(strip, Rect{0, 0, box.w, h}, l2, font());
    for (const auto& op : strip.ops)
        if (auto* t = std::get_if<TextOp>(&op)) CHECK(t->y <= h + 1e-6);
    CHECK(texts_of(strip).size() == l2.entries.size());
}

TEST_CASE("map: a landslide-only household is not described with flood wording", "[map]") {
    Profile p = test::sample_profile();
    Verdict v = test::sample_verdict();
    v.exposure = Exposure{};
    v.exposure.in_landslide = true;
    Shelter site = test::sample_shelter();
    site.flood = false;
    site.landslide = true;
    v.planned_shelter = site;
    std::vector<Shelter> shelters{site};
    MapRequest req = make_map_request(p, v, 296, 136);
    MapExtract m = test::sample_map(shelters, req.centre, req.half_width_m, req.half_height_m);
    PageOps page;
    draw_map(page, Rect{0, 0, 296, 136}, Rect{0, 137, 296, 40}, &m, p, v, font());
    auto texts = texts_of(page);
    CHECK(contains(texts, "指定緊急避難場所（土砂災害時使用可）"));
    for (const auto& t : texts) CHECK(t.find("洪水時") == std::string::npos);
}

TEST_CASE("map: markers stay wholly inside the frame", "[map]") {
    Profile p = test::sample_profile();
    Verdict v = test::sample_verdict();
    auto shelters = test::sample_shelters();
    MapRequest req = make_map_request(p, v, 296, 136);
    // A shelter just inside the frame's north-east corner: its marker would be cut.
    Shelter edge;
    edge.id = "EDGE";
    edge.name = "端の避難場所";
    edge.flood = true;
    double k = 3.14159265358979323846 / 180;
    edge.location = LatLon{req.centre.lat + (req.half_height_m - 2) / (6371008.8 * k),
                           req.centre.lon + (req.half_width_m - 2) / (6371008.8 * k * std::cos(req.centre.lat * k))};
    shelters.push_back(edge);
    MapExtract m = test::sample_map(shelters, req.centre, req.half_width_m, req.half_height_m);
    Rect box{100, 200, 296, 136};
    PageOps page;
    draw_map(page, box, &m, p, v, font());
    // Markers: the closed paths with a fill or stroke drawn after the zones
    // (circles, diamonds, the house) — every point inside the box.
    bool in_clip = false;
    int markers = 0;
    for (const auto& op : page.ops) {
        if (std::get_if<ClipBegin>(&op)) in_clip = true;
        if (std::get_if<ClipEnd>(&op)) in_clip = false;
        auto* pa = std::get_if<PathOp>(&op);
        if (!in_clip || !pa || pa->subpaths.size() != 1 || pa->subpaths[0].size() > 20) continue;
        bool filled_marker = pa->fill && pa->stroke;
        bool diamond = !pa->fill && pa->stroke && pa->line_width == 1.0 && pa->subpaths[0].size() == 4;
        if (!filled_marker && !diamond) continue;  // zones: fill only, or an outline
        ++markers;
        for (const auto& [x, y] : pa->subpaths[0]) {
            CHECK(x >= box.x - 1e-6);
            CHECK(x <= box.x + box.w + 1e-6);
            CHECK(y >= box.y - 1e-6);
            CHECK(y <= box.y + box.h + 1e-6);
        }
    }
    CHECK(markers >= 3);  // home, planned shelter, welfare shelter at least
    // The frame leaves the marker size around the home and the planned shelter.
    double s = box.w / (2 * req.half_width_m);
    for (const LatLon& q : {p.household.location, v.planned_shelter->location}) {
        auto [x, y] = local_metres(req.centre, q);
        CHECK(req.half_width_m - std::fabs(x) >= kMarkerPadPt / s - 1e-6);
        CHECK(req.half_height_m - std::fabs(y) >= kMarkerPadPt / s - 1e-6);
    }
}

TEST_CASE("map: a storm-surge or tsunami zone is outlined and named in the legend from the kind table", "[map][kinds]") {
    Profile p = test::sample_profile();
    Verdict v = test::sample_verdict();
    auto shelters = test::sample_shelters();
    MapRequest req = make_map_request(p, v, 300, 150);
    MapExtract m = test::sample_map(shelters, req.centre, req.half_width_m, req.half_height_m);
    Rect box{100, 200, 300, 150};
    // Without such a zone: no entry (the river floods draw as before).
    PageOps before;
    MapLegend plain = draw_map(before, box, &m, p, v, font());
    CHECK_FALSE(plain.has("津波浸水想定（破線・色は浸水深）"));
    // The first flood zone comes from a tsunami layer.
    MapPolygon* flood = nullptr;
    for (auto& pg : m.polygons)
        if (!flood && pg.kind == ZoneKind::FloodDepth) flood = &pg;
    REQUIRE(flood);
    flood->layer_kind = LayerKind::Tsunami;
    PageOps page;
    MapLegend drawn = draw_map(page, box, &m, p, v, font());
    CHECK(drawn.has("津波浸水想定（破線・色は浸水深）"));
    CHECK_FALSE(drawn.has("高潮浸水想定区域（破線・色は浸水深）"));  // only the kinds drawn
    // On the English sheet, in English (the kind table's name).
    PageOps english;
    MapLegend drawn_en = draw_map(english, box, &m, p, v, font(), Lang::En);
    CHECK(drawn_en.has("Tsunami inundation zone (dashed outline, colour = depth)"));
    CHECK_FALSE(drawn_en.has("津波浸水想定（破線・色は浸水深）"));
    // Its dashed outline in the kind's colour, after (on top of) every flood fill.
    size_t outline_at = 0, last_fill = 0;
    bool in_clip = false;
    for (size_t i = 0; i < page.ops.size(); ++i) {
        if (std::get_if<ClipBegin>(&page.ops[i])) in_clip = true;
        if (std::get_if<ClipEnd>(&page.ops[i])) in_clip = false;
        if (auto* pa = std::get_if<PathOp>(&page.ops[i])) {
            if (pa->dashed && pa->stroke && same(*pa->stroke, kind_outline_rgb(LayerKind::Tsunami))) outline_at = i;
            if (in_clip && pa->fill && !pa->stroke) last_fill = i;  // zone fills have no stroke (markers do)
        }
    }
    CHECK(outline_at > 0);
    CHECK(outline_at > last_fill);
    // A zone covering the whole frame: its clipped edges are the frame's, and
    // no dashed line is drawn along the frame; the legend still names it.
    MapExtract whole = m;
    MapPolygon cover;
    cover.layer_kind = LayerKind::Tsunami;
    cover.depth = DepthRange{2, 5};
    const double hw = m.half_width_m, hh = m.half_height_m;
    cover.rings.push_back(MapRing{{{-hw, -hh}, {hw, -hh}, {hw, hh}, {-hw, hh}, {-hw, -hh}}});
    whole.polygons = {cover};
    PageOps covered;
    CHECK(draw_map(covered, box, &whole, p, v, font()).has("津波浸水想定（破線・色は浸水深）"));
    for (const auto& op : covered.ops)
        if (auto* pa = std::get_if<PathOp>(&op)) CHECK_FALSE((pa->dashed && pa->stroke && same(*pa->stroke, kind_outline_rgb(LayerKind::Tsunami))));
    // Storm surge and tsunami get different colours.
    CHECK(kind_outline_rgb(LayerKind::Tsunami) != kind_outline_rgb(LayerKind::StormSurge));
    CHECK_FALSE(has_kind_outline(LayerKind::FloodDepth));
}

TEST_CASE("map: a far destination's name and distance stay clear of the scale bar and of each other", "[map]") {
    Profile p = test::sample_profile();
    Verdict v = test::sample_verdict();
    auto shelters = test::sample_shelters();
    // The welfare shelter (the route's target) about 5 km south-west: off the
    // frame, so its name and the route's distance are pulled in at the
    // bottom-left corner, where the scale bar is.
    shelters[2].location = LatLon{p.household.location.lat - 0.035, p.household.location.lon - 0.04};
    Destination stay;
    stay.role = DestinationRole::Stay;
    stay.kind = "welfare_shelter";
    stay.id = shelters[2].id;
    stay.name = shelters[2].name;
    stay.location = shelters[2].location;
    stay.distance_m = 5300;
    v.destinations.insert(v.destinations.begin(), stay);
    MapRequest req = make_map_request(p, v, 296, 136);
    MapExtract m = test::sample_map(shelters, req.centre, req.half_width_m, req.half_height_m);
    Rect box{100, 200, 296, 136};
    PageOps page;
    draw_map(page, box, &m, p, v, font());
    struct Box {
        std::string text;
        double x0, y0, x1, y1;
    };
    // Every text's ink box, and the scale bar's lines (solid lines: the route is dashed).
    std::vector<Box> boxes;
    for (const auto& op : page.ops) {
        if (auto* t = std::get_if<TextOp>(&op)) {
            const double w = font().text_width(t->text, t->size);
            if (t->text.empty() || t->y > box.bottom() + 1e-6 || t->x >= box.x + box.w) continue;  // the legend below
            boxes.push_back({t->text, t->x, t->y - t->size * 0.8, t->x + w, t->y + t->size * 0.2});
        } else if (auto* l = std::get_if<LineOp>(&op)) {
            if (l->dashed) continue;
            boxes.push_back({"(scale bar line)", std::min(l->x1, l->x2) - 0.5, std::min(l->y1, l->y2) - 0.5,
                             std::max(l->x1, l->x2) + 0.5, std::max(l->y1, l->y2) + 0.5});
        }
    }
    bool saw_target = false, saw_scale = false;
    for (const auto& b : boxes) {
        saw_target = saw_target || b.text == "多摩市総合福祉センター";
        saw_scale = saw_scale || b.text == "500m" || b.text == "1km" || b.text == "250m";
    }
    REQUIRE(saw_target);
    REQUIRE(saw_scale);
    for (size_t i = 0; i < boxes.size(); ++i)
        for (size_t j = i + 1; j < boxes.size(); ++j) {
            const Box &a = boxes[i], &b = boxes[j];
            if (a.text == b.text && a.text == "(scale bar line)") continue;  // the bar and its ticks meet
            INFO(a.text << " " << a.x0 << "," << a.y0 << "-" << a.x1 << "," << a.y1 << " / " << b.text << " " << b.x0 << "," << b.y0 << "-" << b.x1 << "," << b.y1);
            CHECK_FALSE((a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1));
        }
}
