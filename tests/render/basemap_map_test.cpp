// The base map on the map inset: drawn under the zones, names placed without
// covering each other or the home, attribution under the map, and a map whose
// zones could not be read saying so.
#include <catch2/catch.hpp>

#include <set>

#include "fixtures.hpp"
#include "hazard/basemap_fixtures.hpp"
#include "hazard/hazard_set.hpp"
#include "layout/font.hpp"
#include "render/map.hpp"
#include "render/renderer.hpp"

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

MapFeature point(BasemapStyle style, double x, double y, const std::string& label) {
    MapFeature f;
    f.style = style;
    f.shape = MapFeature::Shape::Point;
    f.parts = {{{x, y}}};
    f.label = label;
    f.label_at = std::make_pair(x, y);
    return f;
}

// The sample map with a base map: a road across the frame, a river, and many
// stations and towns crowded around the home so that names must give way.
MapExtract crowded_map(const Profile& p, const MapRequest& req, const std::vector<Shelter>& shelters) {
    MapExtract m = test::sample_map(shelters, req.centre, req.half_width_m, req.half_height_m);
    m.with_basemap = true;
    auto [hx, hy] = local_metres(req.centre, p.household.location);
    MapFeature road;
    road.style = BasemapStyle::Road;
    road.parts = {{{-req.half_width_m, hy + 20}, {req.half_width_m, hy + 20}}};
    MapFeature river = road;
    river.style = BasemapStyle::River;
    river.parts = {{{-req.half_width_m, hy - 60}, {req.half_width_m, hy - 40}}};
    m.basemap = {road, river};
    for (int i = 0; i < 12; ++i) {
        const double dx = (i % 4 - 1.5) * 25, dy = (i / 4 - 1) * 20;
        m.basemap.push_back(point(i % 2 ? BasemapStyle::TownLabel : BasemapStyle::Station, hx + dx, hy + dy,
                                  (i % 2 ? "町" : "駅") + std::to_string(i)));
    }
    m.basemap.push_back(point(BasemapStyle::Station, hx + 30, hy, "駅0"));  // the same name again
    m.attributions = {"洪水のクレジット", "「国土数値情報（鉄道データ）（国土交通省）を加工して作成」"};
    return m;
}

struct TextBox {
    std::string text;
    Rect r;
};

bool overlap(const Rect& a, const Rect& b) {
    return a.x < b.x + b.w - 1e-6 && b.x < a.x + a.w - 1e-6 && a.y < b.y + b.h - 1e-6 && b.y < a.y + a.h - 1e-6;
}

}  // namespace

TEST_CASE("basemap map: drawn under the zones, zones see-through over it, names never overlap or cover the home",
          "[map][basemap]") {
    Profile p = test::sample_profile();
    Verdict v = test::sample_verdict();
    auto shelters = test::sample_shelters();
    MapRequest req = make_map_request(p, v, 296, 136);
    MapExtract m = crowded_map(p, req, shelters);
    Rect box{100, 200, 296, 136};
    PageOps page;
    MapLegend legend = draw_map(page, box, &m, p, v, font());

    long first_road = -1, first_zone = -1;
    std::vector<TextBox> names;
    Rect home{};
    bool saw_home = false;
    for (size_t i = 0; i < page.ops.size(); ++i) {
        if (auto* pa = std::get_if<PathOp>(&page.ops[i])) {
            if (pa->stroke && !pa->closed && same(*pa->stroke, style_info(BasemapStyle::Road).stroke) && first_road < 0)
                first_road = static_cast<long>(i);
            if (pa->fill && pa->even_odd && pa->subpaths.size() >= 1 && !pa->stroke && first_zone < 0 &&
                !same(*pa->fill, 0xFFFFFF)) {
                first_zone = static_cast<long>(i);
                CHECK(pa->fill_opacity < 1);  // the base map shows through the zones
            }
            if (pa->fill && same(*pa->fill, 0xD62828)) {  // the home marker
                double x0 = 1e9, y0 = 1e9, x1 = -1e9, y1 = -1e9;
                for (const auto& [x, y] : pa->subpaths.at(0)) x0 = std::min(x0, x), y0 = std::min(y0, y), x1 = std::max(x1, x), y1 = std::max(y1, y);
                home = Rect{x0, y0, x1 - x0, y1 - y0};
                saw_home = true;
            }
        } else if (auto* t = std::get_if<TextOp>(&page.ops[i])) {
            if (t->text.rfind("駅", 0) == 0 || t->text.rfind("町", 0) == 0)
                names.push_back({t->text, Rect{t->x, t->y - t->size * 0.88, font().text_width(t->text, t->size), t->size * 1.1}});
        }
    }
    REQUIRE(first_road >= 0);
    REQUIRE(first_zone >= 0);
    CHECK(first_road < first_zone);  // the base map goes under the zones
    REQUIRE(saw_home);
    REQUIRE(names.size() >= 4);
    std::set<std::string> seen;
    for (size_t i = 0; i < names.size(); ++i) {
        CHECK(seen.insert(names[i].text).second);  // each name once (駅0 twice in the data)
        CHECK_FALSE(overlap(names[i].r, home));
        CHECK(names[i].r.x >= box.x);
        CHECK(names[i].r.x + names[i].r.w <= box.x + box.w);
        for (size_t j = i + 1; j < names.size(); ++j) {
            INFO(names[i].text << " / " << names[j].text);
            CHECK_FALSE(overlap(names[i].r, names[j].r));
        }
    }
    // Shelter names too, but only of sites this household may use: 関戸公民館
    // lies in the flood zone (its marker stays, hollow) and is not named; a
    // welfare shelter that is not the household's own is not named either.
    auto named = [](const PageOps& ops, const std::string& name) {
        for (const auto& op : ops.ops)
            if (auto* t = std::get_if<TextOp>(&op); t && t->text == name) return true;
        return false;
    };
    CHECK_FALSE(named(page, shelters[1].name));
    CHECK_FALSE(named(page, shelters[2].name));
    {
        auto usable = shelters;
        usable[1].exposure.in_flood_zone = false;  // now usable in a flood: named
        MapExtract um = crowded_map(p, req, usable);
        PageOps upage;
        draw_map(upage, box, &um, p, v, font());
        CHECK(named(upage, usable[1].name));
    }
    // The attribution lines go under the map, in the legend strip it sizes.
    CHECK(legend.attributions == m.attributions);
    const double h = map_legend_height(legend, box.w, font());
    MapLegend without = legend;
    without.attributions.clear();
    CHECK(h > map_legend_height(without, box.w, font()) + 6);
    PageOps strip;
    draw_map_legend(strip, Rect{0, 0, box.w, h}, legend, font());
    int credits = 0;
    for (const auto& op : strip.ops)
        if (auto* t = std::get_if<TextOp>(&op)) {
            CHECK(t->y <= h + 1e-6);
            CHECK(t->x + font().text_width(t->text, t->size) <= box.w + 1e-6);
            credits += t->text == m.attributions[0] || t->text == m.attributions[1];
        }
    CHECK(credits == 2);
}

TEST_CASE("basemap map: a map whose zones could not be read says 地図を表示できません, without zones or legend",
          "[map][basemap]") {
    Profile p = test::sample_profile();
    Verdict v = test::sample_verdict();
    auto shelters = test::sample_shelters();
    MapRequest req = make_map_request(p, v, 296, 136);
    MapExtract m = test::sample_map(shelters, req.centre, req.half_width_m, req.half_height_m);
    m.failure = "zone layer 'x' cannot be read for the map";
    PageOps page;
    MapLegend legend = draw_map(page, Rect{0, 0, 296, 136}, &m, p, v, font());
    CHECK(legend.entries.empty());
    bool said = false;
    for (const auto& op : page.ops) {
        if (auto* t = std::get_if<TextOp>(&op)) said = said || t->text == kMapFailedText;
        CHECK_FALSE(std::holds_alternative<PathOp>(op));  // no zone, marker or route drawn
    }
    CHECK(said);
}

namespace {
std::string pdf_text(const std::string& pdf, const test::TempDir& dir) {
    test::write_file(dir.file("m.pdf"), pdf);
    int st = 0;
    std::string text = test::capture("pdftotext -enc UTF-8 '" + dir.file("m.pdf") + "' - 2>/dev/null", &st);
    REQUIRE(st == 0);
    std::string out;
    for (char c : text)
        if (c != ' ' && c != '\n' && c != '\f') out += c;
    return out;
}
}  // namespace

TEST_CASE("basemap page: a base map written with GDAL shows on the sheet with its names and credit lines",
          "[render][basemap]") {
    test::TempDir dir;
    test::write_layer(dir.file("flood.geojson"), "flood", 4326, {{"rank", OFTInteger}},
                      {{test::box_wkt(139.440, 35.646, 139.450, 35.654), {"2"}}}, "GeoJSON");
    test::write_basemap(dir.file("base.gpkg"));
    test::write_file(dir.file("hz.yaml"), R"(layers:
  - {name: 洪水, source: flood.geojson, kind: flood_depth, field: rank, preset: a31a_depth, attribution: 洪水データの出典}
  - {name: 道路, source: base.gpkg, layer: roads, kind: basemap, style: road, attribution: 道路データの出典}
  - {name: 駅, source: base.gpkg, layer: stations, kind: basemap, style: station, label: 駅名, attribution: 駅データの出典}
)");
    HazardSet hz = HazardSet::load_file(dir.file("hz.yaml"));
    const Renderer r = Renderer::load(test::font_path(), test::template_path());
    Profile p = test::sample_profile();  // near 聖蹟テスト駅
    Verdict v = test::sample_verdict();
    const MapRequest req = r.map_request(p, v);
    MapExtract m = hz.extract_map(req.centre, req.half_width_m, req.half_height_m, req.resolution_m);
    REQUIRE(m.failure.empty());
    RenderOptions o;
    o.document_date = Date{2026, 4, 10};
    const std::string text = pdf_text(r.render({SheetInput{&p, &v, &m}}, o).pdf, dir);
    CHECK(text.find("聖蹟テスト駅") != std::string::npos);
    CHECK(text.find("駅データの出典") != std::string::npos);
    CHECK(text.find("道路データの出典") != std::string::npos);
    CHECK(text.find("洪水データの出典") != std::string::npos);
    CHECK(text.find("枠外駅") == std::string::npos);  // outside the frame: not drawn
    CHECK(text.find("遠方駅") == std::string::npos);
    CHECK(hz.basemap_reads().features_read == 3);   // 遠方駅 was never even read

    m.failure = "zone layer '洪水' cannot be read for the map";
    const std::string failed = pdf_text(r.render({SheetInput{&p, &v, &m}}, o).pdf, dir);
    CHECK(failed.find("地図を表示できません") != std::string::npos);
    CHECK(failed.find("聖蹟テスト駅") == std::string::npos);
}
