#include <catch2/catch.hpp>

#include "fixtures.hpp"
#include "render/font.hpp"
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
    Rect box{100, 200, 300, 150}, legend{100, 351, 300, 19};
    PageOps page;
    draw_map(page, box, legend, &m, p, v, font());

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
