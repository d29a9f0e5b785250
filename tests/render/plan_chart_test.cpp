// The ventilator plan's runtime chart model: bars, target lines and the
// household runtime come from the power model (docs/risk-rules.md 1.4).
#include <catch2/catch.hpp>

#include "render/fields.hpp"
#include "render/plan_chart.hpp"
#include "layout/font.hpp"
#include "render/fixtures.hpp"

using namespace sheetgen;
using namespace sheetgen::render;
using Catch::Detail::Approx;

namespace {

// Ventilator 60 W, 24 h a day; internal 4 h + 2 x 6 h external; 500 Wh station at 85 %.
Profile hand_worked() {
    Profile p;
    p.id = "chart-1";
    Device v;
    v.kind = DeviceKind::Ventilator;
    v.name = "人工呼吸器";
    v.hours_per_day = 24;
    v.watts = 60;
    v.internal_battery_h = 4;
    v.external_battery_count = 2;
    v.external_battery_h = 6;
    v.power_dependent = v.critical = true;
    p.devices = {v};
    PowerBackup ps;
    ps.kind = BackupKind::PowerStation;
    ps.model = "ポータブル電源 500Wh";
    ps.capacity_wh = 500;
    ps.efficiency = 0.85;
    p.power_backup = {ps};
    return p;
}

Verdict isolated(std::optional<DurationRange> d) {
    Verdict v;
    v.exposure.in_flood_zone = d.has_value();
    v.exposure.in_duration_zone = d.has_value();
    v.exposure.duration = d;
    if (d) v.outage_hours = flood_outage_hours(d);
    return v;
}

const ChartTarget* target(const RuntimeChart& c, const std::string& code) {
    for (const auto& t : c.targets)
        if (t.code == code) return &t;
    return nullptr;
}

}  // namespace

TEST_CASE("plan chart: hand-worked ventilator profile", "[render][plan]") {
    RuntimeChart c = build_runtime_chart(hand_worked(), isolated(DurationRange{24, 72}));
    // External batteries, the station, then the internal battery kept for moving.
    REQUIRE(c.bars.size() == 3);
    CHECK(c.bars[0].step == PowerStep::ExternalBattery);
    CHECK(c.bars[0].label == "人工呼吸器 外部バッテリー 2個");
    CHECK(*c.bars[0].start_h == Approx(0));
    CHECK(*c.bars[0].end_h == Approx(12));
    CHECK(c.bars[1].step == PowerStep::PowerStation);
    CHECK(c.bars[1].label == "ポータブル電源 500Wh");
    CHECK(*c.bars[1].start_h == Approx(12));
    CHECK(*c.bars[1].end_h == Approx(12 + 500 * 0.85 / 60));
    CHECK(c.bars[2].step == PowerStep::InternalBattery);
    CHECK(c.bars[2].label == "人工呼吸器 内部バッテリー（予備）");
    CHECK(*c.bars[2].start_h == Approx(12 + 500 * 0.85 / 60));
    CHECK(*c.bars[2].end_h == Approx(16 + 500 * 0.85 / 60));  // 23.083 h
    CHECK(c.runtime_h == Approx(23.0833).epsilon(1e-4));
    CHECK(c.limiting_device == "人工呼吸器");

    // Target lines: 72 h carry, 168 h at home, the isolation of the 24-72 h class.
    REQUIRE(c.targets.size() == 3);
    CHECK(target(c, "carry_72h")->hours == 72);
    CHECK(target(c, "home_168h")->hours == 168);
    CHECK(target(c, "isolation")->hours == 72);
    CHECK(c.axis_max_h == 168);
    CHECK(c.tick_step_h == 24);

    // Shortfalls printed under the chart: 72 h -> 48.917 h and 3,452.9 Wh missing.
    REQUIRE(c.shortfalls.size() == 3);
    CHECK(c.shortfalls[0].missing_h == Approx(72 - 23.0833).epsilon(1e-4));
    CHECK(c.shortfalls[0].extra_wh == Approx(3452.9).epsilon(1e-4));
}

TEST_CASE("plan chart: no isolation line without a duration class", "[render][plan]") {
    RuntimeChart c = build_runtime_chart(hand_worked(), isolated(std::nullopt));
    CHECK(c.targets.size() == 2);
    CHECK(target(c, "isolation") == nullptr);
}

TEST_CASE("plan chart: a long isolation widens the axis", "[render][plan]") {
    RuntimeChart c = build_runtime_chart(hand_worked(), isolated(DurationRange{336, 672}));
    CHECK(target(c, "isolation")->hours == 672);
    CHECK(c.axis_max_h >= 672);
    CHECK(c.axis_max_h / c.tick_step_h <= 8);
}

TEST_CASE("plan chart: adding an oxygen concentrator changes the chart", "[render][plan]") {
    Profile p = hand_worked();
    Device o;
    o.kind = DeviceKind::OxygenConcentrator;
    o.name = "酸素濃縮装置";
    o.hours_per_day = 24;
    o.watts = 120;
    o.power_dependent = o.critical = true;
    p.devices.push_back(o);
    RuntimeChart c = build_runtime_chart(p, isolated(DurationRange{24, 72}));
    // The concentrator has no battery: it drains the station alone from t = 0.
    REQUIRE(c.bars.size() == 3);
    CHECK(c.bars[1].step == PowerStep::PowerStation);
    CHECK(*c.bars[1].start_h == Approx(0));
    CHECK(*c.bars[1].end_h == Approx(425.0 / 120));  // 3.542 h
    CHECK(c.runtime_h == Approx(425.0 / 120));
    CHECK(c.limiting_device == "酸素濃縮装置");
    // The ventilator's own batteries still run 0-16 h: external, then the reserve.
    CHECK(*c.bars[0].end_h == Approx(12));
    CHECK(*c.bars[2].end_h == Approx(16));
}

TEST_CASE("plan chart: removing the station changes the chart", "[render][plan]") {
    Profile p = hand_worked();
    p.power_backup.clear();
    RuntimeChart c = build_runtime_chart(p, isolated(DurationRange{24, 72}));
    REQUIRE(c.bars.size() == 2);
    CHECK(*c.bars.back().end_h == Approx(16));
    CHECK(c.runtime_h == Approx(16));
    CHECK(c.shortfalls[0].missing_h == Approx(56));
}

TEST_CASE("plan chart: generator and car bars follow the station", "[render][plan]") {
    Profile p = hand_worked();
    PowerBackup car;
    car.kind = BackupKind::CarInverter;  // no capacity: 24 h assumed
    PowerBackup gen;
    gen.kind = BackupKind::Generator;
    gen.model = "カセットガス発電機";
    gen.fuel_hours = 12;
    p.power_backup.push_back(gen);
    p.power_backup.push_back(car);
    RuntimeChart c = build_runtime_chart(p, isolated(std::nullopt));
    REQUIRE(c.bars.size() == 5);
    CHECK(c.bars[2].step == PowerStep::CarInverter);
    CHECK(c.bars[2].label.find("24時間と仮定") != std::string::npos);
    CHECK(*c.bars[2].start_h == Approx(19.0833).epsilon(1e-4));
    CHECK(*c.bars[2].end_h == Approx(43.0833).epsilon(1e-4));
    CHECK(c.bars[3].step == PowerStep::Generator);
    CHECK(*c.bars[3].end_h == Approx(55.0833).epsilon(1e-4));
    CHECK(c.bars[4].step == PowerStep::InternalBattery);  // the reserve, last
    CHECK(*c.bars[4].end_h == Approx(59.0833).epsilon(1e-4));
    CHECK(c.runtime_h == Approx(59.0833).epsilon(1e-4));
}

TEST_CASE("plan chart: no power-dependent device, no chart", "[render][plan]") {
    Profile p;
    CHECK(build_runtime_chart(p, isolated(std::nullopt)).empty());
}

TEST_CASE("plan chart: drawing puts the bars where the model says", "[render][plan]") {
    auto font = FontFace::load(test::font_path());
    RuntimeChart c = build_runtime_chart(hand_worked(), isolated(DurationRange{24, 72}));
    PageOps page;
    Rect box{0, 0, 500, runtime_chart_height(c, 8)};
    draw_runtime_chart(page, box, c, *font, 8);
    // The bars are the filled rectangles in the step colours; their widths are
    // in proportion to their hours (12 : 7.083 : 4).
    std::vector<RectOp> bars;
    for (const auto& op : page.ops)
        if (auto* r = std::get_if<RectOp>(&op))
            if (r->fill && r->stroke && r->h < 12 && r->w < 500 && r->fill->g != 1.0) bars.push_back(*r);
    REQUIRE(bars.size() == 3);
    CHECK(bars[0].w / bars[2].w == Approx(3).epsilon(1e-6));
    CHECK(bars[1].w / bars[2].w == Approx(7.0833 / 4).epsilon(1e-4));
    CHECK(bars[1].x == Approx(bars[0].x + bars[0].w));
    // Every op lies inside the box.
    for (const auto& op : page.ops)
        if (auto* t = std::get_if<TextOp>(&op)) {
            CHECK(t->x >= box.x - 0.01);
            CHECK(t->x + font->text_width(t->text, t->size) <= box.x + box.w + 0.01);
            CHECK(t->y <= box.y + box.h + 0.01);
        }
}

TEST_CASE("plan fields: runtime and battery rows in the field model", "[render][plan]") {
    Profile p = hand_worked();
    FieldModel m = build_field_model(p, isolated(DurationRange{24, 72}), Date{2026, 4, 1});
    CHECK(m.scalars.at("plan.runtime_hours").number == Approx(23.0833).epsilon(1e-4));
    CHECK(m.scalars.at("plan.isolation_hours").number == 168);  // the flood outage: at least 7 days
    CHECK(m.scalars.at("ventilator.batteries").text == "内部 4時間＋外部 2個×6時間（計16時間）");
    const auto& rows = m.tables.at("power_sources");
    REQUIRE(rows.size() == 3);
    CHECK(rows[0].at("period").text == "0〜12時間");
    CHECK(rows[1].at("source").text == "人工呼吸器 内部バッテリー（予備）");
    CHECK(rows[2].at("period").text == "12〜19.1時間");
    CHECK(rows[2].at("capacity").text == "500Wh（効率85% → 使用可能 425Wh）");
    const auto& steps = m.tables.at("power_steps");
    REQUIRE(steps.size() == 7);
    CHECK(steps[0].at("step").text == "停電直後");
    CHECK(steps[1].at("step").text == "STEP1");
    CHECK(steps[1].at("title").text == "外部バッテリー");
    CHECK(steps[5].at("step").text == "予備");
    CHECK(steps[5].at("action").text.find("移動中と緊急時のために残して") != std::string::npos);
    CHECK(steps[6].at("period").text == "約23.1時間後");
    // The schema knows every plan row list and column the model emits.
    FieldSchema schema = build_field_schema();
    for (const char* t : {"power_sources", "power_steps", "alert_actions", "supplies", "shortfalls"}) {
        REQUIRE(schema.tables.count(t) == 1);
        for (const auto& row : m.tables.at(t))
            for (const auto& kv : row) CHECK(schema.tables.at(t).count(kv.first) == 1);
    }
    for (const auto& kv : m.scalars) CHECK(schema.scalars.count(kv.first) == 1);
}

TEST_CASE("plan chart: long device names stay inside the chart", "[render][plan]") {
    auto font = FontFace::load(test::font_path());
    Profile p = hand_worked();
    p.devices[0].name = "人工呼吸器（とても長い名前の機種で表示が入りきらない場合を確かめるための文字列）";
    RuntimeChart c = build_runtime_chart(p, isolated(DurationRange{24, 72}));
    PageOps page;
    Rect box{20, 10, 480, runtime_chart_height(c, 8)};
    draw_runtime_chart(page, box, c, *font, 8);
    int texts = 0;
    for (const auto& op : page.ops)
        if (auto* t = std::get_if<TextOp>(&op)) {
            ++texts;
            INFO(t->text);
            CHECK(t->x >= box.x - 0.01);
            CHECK(t->x + font->text_width(t->text, t->size) <= box.x + box.w + 0.01);
            CHECK(t->size >= 8 * 0.8 * 0.9 - 1e-9);  // shortened, never tiny
        }
    CHECK(texts > 10);
}

TEST_CASE("plan chart: bar value labels never cross the target or runtime lines", "[render][plan]") {
    // The fixture household: several devices whose batteries end before the
    // runtime line (14 h) and the 72 h target, so labels right of short bars
    // would run into those lines (tama-001 / tama-008 before the fix).
    auto font = FontFace::load(test::font_path());
    Profile p = test::sample_profile();
    Verdict v = test::sample_verdict();
    for (double width : {300.0, 420.0, 539.0}) {
        RuntimeChart c = build_runtime_chart(p, v);
        REQUIRE(c.bars.size() >= 4);
        PageOps page;
        Rect box{0, 0, width, runtime_chart_height(c, 7.8)};
        draw_runtime_chart(page, box, c, *font, 7.8);
        // Vertical lines inside the plot: the targets (dashed) and the runtime (red).
        std::vector<double> xs;
        for (const auto& op : page.ops)
            if (auto* l = std::get_if<LineOp>(&op))
                if (l->x1 == l->x2 && l->width >= 1.0) xs.push_back(l->x1);
        REQUIRE(xs.size() >= 3);  // 72 h, 168 h, isolation, runtime
        int labels = 0;
        for (const auto& op : page.ops) {
            auto* t = std::get_if<TextOp>(&op);
            if (!t || t->text.find("〜") == std::string::npos) continue;
            ++labels;
            double w = font->text_width(t->text, t->size);
            for (double x : xs) {
                INFO("width " << width << ": label " << t->text << " at " << t->x << ".." << t->x + w << ", line at " << x);
                CHECK_FALSE((x > t->x - 1 && x < t->x + w + 1));
            }
        }
        CHECK(labels == static_cast<int>(c.bars.size()));
    }
}

TEST_CASE("plan fields: 計算上の注意 states the model's assumptions on every plan", "[render][plan]") {
    // tama-005: NPPV used 10 h a day is counted at 24 h a day; the plan must say so.
    Profile p = hand_worked();
    p.devices[0].hours_per_day = 10;
    FieldModel m = build_field_model(p, isolated(std::nullopt), Date{2026, 4, 1});
    const auto& notes = m.scalars.at("plan.power_notes").list;
    REQUIRE_FALSE(notes.empty());
    bool nppv = false, order = false;
    for (const auto& n : notes) {
        nppv |= n.find("1日10時間の使用でも24時間動かし続ける前提") != std::string::npos;
        order |= n.find("内部バッテリーは移動・緊急用として最後") != std::string::npos;
    }
    CHECK(nppv);
    CHECK(order);
}
