#include <catch2/catch.hpp>

#include "render/fields.hpp"
#include "risk/verdict.hpp"

using namespace sheetgen;

// A tsunami does not wait for an alert level: no printed sentence may tell a
// family in a tsunami zone to leave "at 警戒レベル3" only.
TEST_CASE("a tsunami-zone household is told to leave at the warning, not at level 3", "[render][kinds]") {
    Profile p;
    p.id = "t-1";
    p.updated = Date{2026, 4, 1};
    Verdict v;
    v.action = FloodAction::LeaveEarly;
    v.leave_immediately = true;
    SECTION("tsunami only") {
        render::FieldModel m = render::build_field_model(p, v, Date{2026, 11, 28});
        CHECK(m.scalars["verdict.action"].text == "津波警報でただちに立退き避難");
        CHECK(m.scalars["verdict.start_alert_level"].text.find("ただちに") != std::string::npos);
        CHECK(m.scalars["verdict.start_alert_level"].text.find("警戒レベル") == std::string::npos);
        CHECK(m.scalars["verdict.start_alert_level"].text.find("自宅にとどまる") == std::string::npos);
    }
    SECTION("tsunami and a river flood: both times are printed") {
        v.start_alert_level = 3;
        render::FieldModel m = render::build_field_model(p, v, Date{2026, 11, 28});
        CHECK(m.scalars["verdict.action"].text.find("津波警報でただちに") == 0);
        CHECK(m.scalars["verdict.start_alert_level"].text.find("警戒レベル3") != std::string::npos);
        CHECK(m.scalars["verdict.start_alert_level"].text.find("ただちに") != std::string::npos);
    }
    SECTION("no tsunami: the level-3 wording as before") {
        v.leave_immediately = false;
        v.start_alert_level = 3;
        render::FieldModel m = render::build_field_model(p, v, Date{2026, 11, 28});
        CHECK(m.scalars["verdict.action"].text == "警戒レベル3で立退き避難");
        CHECK(m.scalars["verdict.start_alert_level"].text == "警戒レベル3（高齢者等避難）で出発");
    }
}

// The action row's heading: rain alone is not what sets a tsunami household off.
TEST_CASE("the action row is headed for a tsunami too when the home is in a tsunami zone", "[render][kinds]") {
    Profile p;
    p.id = "t-1";
    Verdict v;
    v.action = FloodAction::LeaveEarly;
    v.start_alert_level = 3;
    render::FieldModel rain = render::build_field_model(p, v, Date{2026, 11, 28});
    CHECK(rain.scalars["verdict.action_heading"].text == "大雨のときの行動");
    CHECK(render::build_field_model(p, v, Date{2026, 11, 28}, Lang::En).scalars["verdict.action_heading"].text ==
          "In heavy rain");
    v.leave_immediately = true;
    render::FieldModel tsunami = render::build_field_model(p, v, Date{2026, 11, 28});
    CHECK(tsunami.scalars["verdict.action_heading"].text == "津波・大雨のとき");
    CHECK(render::build_field_model(p, v, Date{2026, 11, 28}, Lang::En).scalars["verdict.action_heading"].text ==
          "On a tsunami warning or in heavy rain");
}

// The hazard table's depth row names a storm-surge or tsunami zone: a home
// 2-5 m deep in a tsunami zone was shown as 「浸水想定区域外」 (outside the
// river's flood zones), beside a map coloured by the tsunami's depth.
TEST_CASE("the depth row names the tsunami zone the home lies in, beside the river flood's", "[render][kinds]") {
    Profile p;
    p.id = "t-1";
    Verdict v;
    auto depth_row = [&](Lang l) {
        return render::build_field_model(p, v, Date{2026, 11, 28}, l).scalars["exposure.depth_label"].text;
    };
    CHECK(depth_row(Lang::Ja) == "浸水想定区域外");  // no zone of any kind: as before
    KindZone z;
    z.kind = LayerKind::Tsunami;
    z.depth = DepthRange{2.0, 5.0};
    v.exposure.kind_zones.push_back(z);
    CHECK(depth_row(Lang::Ja) == "津波浸水想定 2.0m以上5.0m未満（洪水は浸水想定区域外）");
    CHECK(depth_row(Lang::En) == "Tsunami inundation zone 2.0-5.0 m (river floods: outside the zones)");
    v.exposure.in_flood_zone = true;
    v.exposure.depth = DepthRange{0.5, 3.0};
    CHECK(depth_row(Lang::Ja) == "洪水 0.5m以上3.0m未満、津波浸水想定 2.0m以上5.0m未満");
    v.exposure.kind_zones[0].depth.reset();
    CHECK(depth_row(Lang::Ja) == "洪水 0.5m以上3.0m未満、津波浸水想定 区域内・深さ不明");
}
