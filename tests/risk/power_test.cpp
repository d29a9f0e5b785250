#include <catch2/catch.hpp>

#include <cmath>

#include "risk/power.hpp"
#include "risk_fixtures.hpp"

using namespace sheetgen;
using namespace sheetgen::test;

namespace {

bool has_note(const PowerTimeline& tl, const std::string& code) {
    for (const auto& n : tl.notes)
        if (n.code == code) return true;
    return false;
}

Device concentrator_120w(bool critical) {
    Device d = make_device(DeviceKind::OxygenConcentrator, 120, 24);
    d.critical = critical;
    d.manual_fallback = "酸素ボンベ";
    return d;
}

}  // namespace

TEST_CASE("ventilator 60 W with 4 h + 2x6 h batteries and a 500 Wh station runs 23.083 h", "[power]") {
    Profile p = base_profile();
    p.devices = {ventilator_60w()};
    p.power_backup = {station(500, 0.85)};
    PowerTimeline tl = model_power(p);

    REQUIRE(tl.devices.size() == 1);
    // 12 + 500 x 0.85 / 60 + 4: the same total whatever the order.
    CHECK(tl.runtime_h == Approx(4 + 12 + 500 * 0.85 / 60).margin(1e-9));
    CHECK(tl.runtime_h == Approx(23.083333).margin(1e-6));
    CHECK(tl.average_w == Approx(60).margin(1e-12));
    REQUIRE(tl.limiting_device);
    CHECK(*tl.limiting_device == 0);

    // NCCHD order: external batteries, the station, and the internal battery
    // kept for moving is used last.
    const auto& segs = tl.devices[0].segments;
    REQUIRE(segs.size() == 3);
    CHECK(segs[0].step == PowerStep::ExternalBattery);
    CHECK(segs[0].start_h == 0);
    CHECK(segs[0].end_h == Approx(12).margin(1e-12));
    CHECK(segs[1].step == PowerStep::PowerStation);
    CHECK(segs[1].label_ja == "ポータブル電源");
    CHECK(segs[1].start_h == Approx(12).margin(1e-12));
    CHECK(segs[1].end_h == Approx(12 + 425.0 / 60).margin(1e-9));
    CHECK(segs[2].step == PowerStep::InternalBattery);
    CHECK(segs[2].label_ja == "内部バッテリー（予備）");
    CHECK(segs[2].end_h == Approx(23.083333).margin(1e-6));

    REQUIRE(tl.household.size() == 3);
    CHECK(tl.household[0].end_h == Approx(12).margin(1e-12));
    CHECK(tl.household[1].step == PowerStep::PowerStation);
    CHECK(tl.household[2].step == PowerStep::InternalBattery);
    CHECK(tl.household[2].end_h == Approx(23.083333).margin(1e-6));
    REQUIRE(tl.sources.size() == 1);
    CHECK(tl.sources[0].usable_wh == Approx(425).margin(1e-9));
}

TEST_CASE("battery_order internal_first runs the internal battery first and notes it", "[power]") {
    Profile p = base_profile();
    p.devices = {ventilator_60w()};
    p.devices[0].battery_order = BatteryOrder::InternalFirst;
    p.power_backup = {station(500, 0.85)};
    PowerTimeline tl = model_power(p);
    const auto& segs = tl.devices[0].segments;
    REQUIRE(segs.size() == 3);
    CHECK(segs[0].step == PowerStep::InternalBattery);
    CHECK(segs[0].end_h == Approx(4).margin(1e-12));
    CHECK(segs[1].step == PowerStep::ExternalBattery);
    CHECK(segs[2].step == PowerStep::PowerStation);
    CHECK(segs[2].start_h == Approx(16).margin(1e-12));
    CHECK(tl.runtime_h == Approx(23.083333).margin(1e-6));
    CHECK(has_note(tl, "internal_battery_first"));
}

TEST_CASE("a critical concentrator without battery drains the shared station from t = 0", "[power]") {
    Profile p = base_profile();
    p.devices = {ventilator_60w(), concentrator_120w(true)};
    p.power_backup = {station(500, 0.85)};
    PowerTimeline tl = model_power(p);

    REQUIRE(tl.devices.size() == 2);
    // 425 Wh / 120 W: the station is empty before the ventilator's batteries run out.
    CHECK(tl.devices[1].runtime_h == Approx(425.0 / 120).margin(1e-9));
    CHECK(tl.devices[0].runtime_h == Approx(16).margin(1e-9));  // own batteries only
    CHECK(tl.runtime_h == Approx(3.5416667).margin(1e-6));
    CHECK(*tl.limiting_device == 1);
    CHECK(tl.average_w == Approx(180).margin(1e-12));
    CHECK(tl.peak_w == Approx(180).margin(1e-12));
    REQUIRE(tl.devices[1].segments.size() == 1);
    CHECK(tl.devices[1].segments[0].step == PowerStep::PowerStation);
    // The ventilator never reaches the station: external 0-12 h, then its reserve 12-16 h.
    REQUIRE(tl.devices[0].segments.size() == 2);
    CHECK(tl.devices[0].segments[0].step == PowerStep::ExternalBattery);
    CHECK(tl.devices[0].segments[1].step == PowerStep::InternalBattery);
    CHECK(tl.devices[0].segments[1].start_h == Approx(12).margin(1e-12));
}

TEST_CASE("without critical concentrator the ventilator decides the household runtime", "[power]") {
    Profile p = base_profile();
    p.devices = {ventilator_60w(), concentrator_120w(false)};
    p.power_backup = {station(500, 0.85)};
    PowerTimeline tl = model_power(p);
    CHECK(tl.runtime_h == Approx(16).margin(1e-9));
    CHECK(*tl.limiting_device == 0);
}

TEST_CASE("a station big enough to outlast the batteries is shared by both devices", "[power]") {
    Profile p = base_profile();
    p.devices = {ventilator_60w(), concentrator_120w(true)};
    p.power_backup = {station(3000, 0.85)};  // 2550 Wh usable
    PowerTimeline tl = model_power(p);
    // 0-12 h: concentrator alone, 1440 Wh; 1110 Wh left at 180 W = 6.1667 h;
    // the station is empty at 18.1667 h, the ventilator then has its 4 h reserve.
    CHECK(tl.devices[1].runtime_h == Approx(12 + 1110.0 / 180).margin(1e-9));
    CHECK(tl.devices[0].runtime_h == Approx(12 + 1110.0 / 180 + 4).margin(1e-9));
    CHECK(tl.runtime_h == Approx(18.1666667).margin(1e-6));  // the concentrator stops first
    REQUIRE(tl.devices[0].segments.size() == 3);
    CHECK(tl.devices[0].segments[1].start_h == Approx(12).margin(1e-12));
    REQUIRE(tl.household.size() == 2);  // the station from t = 0, then the reserve
    CHECK(tl.household[0].start_h == 0);
    CHECK(tl.household[1].step == PowerStep::InternalBattery);
}

TEST_CASE("no backup at all: each device runs on its own batteries", "[power]") {
    Profile p = base_profile();
    p.devices = {ventilator_60w(), concentrator_120w(true)};
    PowerTimeline tl = model_power(p);
    CHECK(tl.devices[0].runtime_h == Approx(16).margin(1e-12));
    CHECK(tl.devices[1].runtime_h == 0);
    CHECK(tl.devices[1].segments.empty());
    CHECK(tl.runtime_h == 0);

    p.devices = {ventilator_60w()};
    tl = model_power(p);
    CHECK(tl.runtime_h == Approx(16).margin(1e-12));
    CHECK(tl.sources.empty());
}

TEST_CASE("steps are used station, car, generator whatever the profile order", "[power]") {
    Profile p = base_profile();
    p.devices = {ventilator_60w()};
    // tama-008-like backup: 4 + 16 h batteries, 1500 Wh x 0.85, generator 12 h.
    p.devices[0].external_battery_count = 2;
    p.devices[0].external_battery_h = 8;
    p.power_backup = {generator(12), station(1500, 0.85)};
    PowerTimeline tl = model_power(p);
    CHECK(tl.runtime_h == Approx(4 + 16 + 1500 * 0.85 / 60 + 12).margin(1e-9));
    CHECK(tl.runtime_h == Approx(53.25).margin(1e-9));
    REQUIRE(tl.sources.size() == 2);
    CHECK(tl.sources[0].step == PowerStep::PowerStation);
    CHECK(tl.sources[0].backup_index == 1);
    CHECK(tl.sources[1].step == PowerStep::Generator);
    // External 16 h, station 21.25 h, generator 12 h, then the 4 h reserve.
    CHECK(*tl.sources[1].start_h == Approx(37.25).margin(1e-9));
    CHECK(*tl.sources[1].end_h == Approx(49.25).margin(1e-9));

    p.power_backup = {generator(6), car(1000, 0.9), station(500, 0.85)};
    tl = model_power(p);
    REQUIRE(tl.sources.size() == 3);
    CHECK(tl.sources[0].step == PowerStep::PowerStation);
    CHECK(tl.sources[1].step == PowerStep::CarInverter);
    CHECK(tl.sources[2].step == PowerStep::Generator);
    CHECK(tl.runtime_h == Approx(20 + 425.0 / 60 + 900.0 / 60 + 6).margin(1e-9));
}

TEST_CASE("a car inverter without capacity uses the documented assumption", "[power]") {
    Profile p = base_profile();
    p.devices = {make_device(DeviceKind::Ventilator, 60, 24)};
    p.power_backup = {car()};
    PowerTimeline tl = model_power(p);
    CHECK(tl.runtime_h == Approx(kCarInverterAssumedHours).margin(1e-12));
    CHECK(tl.sources[0].assumed_hours);
    CHECK(has_note(tl, "car_inverter_assumed"));

    PowerModelOptions opt;
    opt.car_inverter_hours = 10;
    CHECK(model_power(p, opt).runtime_h == Approx(10).margin(1e-12));
}

TEST_CASE("a time-based generator starts when the first device needs it", "[power]") {
    Profile p = base_profile();
    p.devices = {ventilator_60w(), concentrator_120w(true)};
    p.power_backup = {generator(12)};
    PowerTimeline tl = model_power(p);
    CHECK(tl.devices[1].runtime_h == Approx(12).margin(1e-12));
    CHECK(tl.devices[0].runtime_h == Approx(16).margin(1e-12));
    CHECK(tl.runtime_h == Approx(12).margin(1e-12));
}

TEST_CASE("part-time devices stretch their batteries and count their average load", "[power]") {
    Profile p = base_profile();
    Device suction = make_device(DeviceKind::Suction, 40, 2, 1);  // 1 h of running, 2 h a day
    p.devices = {suction};
    p.power_backup = {station(100, 1.0)};
    PowerTimeline tl = model_power(p);
    REQUIRE(tl.devices.size() == 1);
    CHECK_FALSE(tl.devices[0].critical);
    CHECK(tl.devices[0].duty == Approx(2.0 / 24).margin(1e-12));
    CHECK(tl.devices[0].average_w == Approx(40.0 * 2 / 24).margin(1e-12));
    CHECK(tl.devices[0].own_battery_h == Approx(12).margin(1e-12));
    // 100 Wh / 3.333 W = 30 h on the station.
    CHECK(tl.runtime_h == Approx(42).margin(1e-9));
}

TEST_CASE("devices that are not power-dependent or unused are left out", "[power]") {
    Profile p = base_profile();
    Device cyl = make_device(DeviceKind::OxygenCylinder, 0, 24);
    Device cough = make_device(DeviceKind::CoughAssist, 100, 0);  // as needed, 0 h/day
    p.devices = {cyl, cough};
    PowerTimeline tl = model_power(p);
    CHECK(tl.empty());
    CHECK(tl.runtime_h == 0);
    CHECK(shortfalls(tl, DurationRange{24, 72}).empty());
}

TEST_CASE("a device without watts counts only its own batteries", "[power]") {
    Profile p = base_profile();
    Device pump = make_device(DeviceKind::FeedingPump, 0, 24, 8);
    p.devices = {pump};
    p.power_backup = {station(500)};
    PowerTimeline tl = model_power(p);
    CHECK_FALSE(tl.devices[0].load_known);
    CHECK(tl.runtime_h == Approx(8).margin(1e-12));
    CHECK(has_note(tl, "device_load_unknown"));
    REQUIRE(tl.sources.size() == 1);
    CHECK_FALSE(tl.sources[0].start_h);  // never used
}

TEST_CASE("backup output below the combined rated watts is noted", "[power]") {
    Profile p = base_profile();
    p.devices = {ventilator_60w(), concentrator_120w(true)};
    PowerBackup g = generator(12);
    g.output_w = 150;
    p.power_backup = {g};
    CHECK(has_note(model_power(p), "backup_output_low"));
    p.power_backup[0].output_w = 900;
    CHECK_FALSE(has_note(model_power(p), "backup_output_low"));
}

TEST_CASE("isolation hours use the class upper bound, the open class counts as 672 h", "[power]") {
    CHECK(isolation_hours(DurationRange{0, 12}) == 12);
    CHECK(isolation_hours(DurationRange{24, 72}) == 72);
    CHECK(isolation_hours(DurationRange{336, 672}) == 672);
    CHECK(isolation_hours(DurationRange{672, kUnbounded}) == 672);
}

TEST_CASE("shortfalls against 72 h, 168 h and the isolation", "[power]") {
    Profile p = base_profile();
    p.devices = {ventilator_60w()};
    p.power_backup = {station(500, 0.85)};
    PowerTimeline tl = model_power(p);
    auto sf = shortfalls(tl, DurationRange{72, 168});
    REQUIRE(sf.size() == 3);
    double r = 16 + 425.0 / 60;
    CHECK(sf[0].code == "carry_72h");
    CHECK(sf[0].target_h == 72);
    CHECK(sf[0].missing_h == Approx(72 - r).margin(1e-9));
    CHECK(sf[0].extra_wh == Approx((72 - r) * 60 / 0.85).margin(1e-6));
    CHECK(sf[0].extra_wh == Approx(3452.941).margin(1e-3));
    REQUIRE(sf[0].devices_short.size() == 1);
    CHECK(sf[1].code == "home_168h");
    CHECK(sf[1].missing_h == Approx(168 - r).margin(1e-9));
    CHECK(sf[1].extra_wh == Approx((168 - r) * 60 / 0.85).margin(1e-6));
    CHECK(sf[2].code == "isolation");
    CHECK(sf[2].target_h == 168);

    // Met targets: nothing missing.
    p.power_backup = {station(500, 0.85), generator(100)};
    tl = model_power(p);
    sf = shortfalls(tl, DurationRange{0, 12});
    REQUIRE(sf.size() == 3);
    CHECK(sf[0].missing_h == 0);
    CHECK(sf[0].extra_wh == 0);
    CHECK(sf[0].devices_short.empty());
    CHECK(sf[2].target_h == 12);
    CHECK(sf[2].missing_h == 0);
    CHECK(sf[1].missing_h == Approx(168 - (r + 100)).margin(1e-9));

    // No isolation given: only the two fixed targets.
    CHECK(shortfalls(tl, std::nullopt).size() == 2);
}

TEST_CASE("extra battery covers every device short of the target", "[power]") {
    Profile p = base_profile();
    p.devices = {ventilator_60w(), concentrator_120w(false)};
    p.power_backup = {station(500, 0.85)};
    PowerTimeline tl = model_power(p);  // ventilator 16 h, concentrator 425/120 h
    auto sf = shortfalls(tl, std::nullopt);
    double conc = 425.0 / 120;
    CHECK(sf[0].missing_h == Approx(72 - 16).margin(1e-9));
    CHECK(sf[0].extra_wh == Approx((60 * (72 - 16) + 120 * (72 - conc)) / 0.85).margin(1e-6));
    CHECK(sf[0].devices_short.size() == 2);

    PowerModelOptions opt;
    opt.extra_battery_efficiency = 1.0;
    CHECK(shortfalls(tl, std::nullopt, opt)[0].extra_wh ==
          Approx(60 * (72 - 16) + 120 * (72 - conc)).margin(1e-6));
}

TEST_CASE("a car at a flooding home counts for a blackout, not for the flood", "[power]") {
    Profile p = base_profile();
    p.devices = {concentrator_120w(true)};
    p.power_backup = {car()};
    PowerModelOptions flood;
    flood.flood = true;
    CHECK(model_power(p).runtime_h == Approx(kCarInverterAssumedHours).margin(1e-12));
    CHECK(model_power(p, flood).runtime_h == 0);
    p.power_backup[0].kept_outside_flood_zone = true;
    CHECK(model_power(p, flood).runtime_h == Approx(kCarInverterAssumedHours).margin(1e-12));
}

TEST_CASE("oxygen through the ventilator makes the concentrator life-sustaining", "[power]") {
    Profile p = base_profile();
    p.devices = {ventilator_60w(), concentrator_120w(false)};
    CHECK_FALSE(model_power(p).devices[1].critical);
    p.devices[0].settings = VentilatorSettings{};
    p.devices[0].settings->oxygen = "なし";
    CHECK(ventilator_oxygen_flow(p).empty());
    CHECK_FALSE(model_power(p).devices[1].critical);
    p.devices[0].settings->oxygen = " 1L/分 ";
    CHECK(ventilator_oxygen_flow(p) == "1L/分");
    CHECK(model_power(p).devices[1].critical);
}

TEST_CASE("denormal watts and hours end the model with a finite runtime", "[power]") {
    // hours_per_day 1e-200 and watts 1e-200 make the average load underflow to 0;
    // the energy loop must still end (it once spun for ever on 0 x inf = NaN).
    Profile p = base_profile();
    Device d = make_device(DeviceKind::Suction, 1e-200, 1e-200, 1);
    Device critical = make_device(DeviceKind::Suction, 4.9e-324, 4.9e-324, 1);
    critical.critical = true;
    Device tiny = make_device(DeviceKind::FeedingPump, 1e-3, 1e-3, 1);  // the smallest amounts that count
    p.devices = {d, critical, tiny};
    p.power_backup = {station(500)};
    PowerTimeline tl = model_power(p);
    REQUIRE(tl.devices.size() == 2);  // the negligible part-time suction is left out
    CHECK_FALSE(tl.devices[0].load_known);
    CHECK(tl.devices[1].load_known);
    for (const auto& dp : tl.devices) CHECK(std::isfinite(dp.runtime_h));
    CHECK(std::isfinite(tl.runtime_h));
}

TEST_CASE("bad numbers do not crash or invent power", "[power]") {
    Profile p = base_profile();
    Device d = make_device(DeviceKind::Ventilator, -5, 30, -1, -2, 6);
    p.devices = {d};
    PowerBackup b = station(500, 0);  // invalid efficiency -> default
    p.power_backup = {b};
    PowerTimeline tl = model_power(p);
    REQUIRE(tl.devices.size() == 1);
    CHECK_FALSE(tl.devices[0].load_known);
    CHECK(tl.runtime_h == 0);
    CHECK(format_hours(23.0833333) == "23.1");
    CHECK(format_hours(16.0) == "16");
    CHECK(format_hours(23.96) == "24");
    CHECK(format_hours(53.25) == "53.3");
    CHECK(format_hours(1500 * 0.85 / 60) == "21.3");
    CHECK(format_hours(0) == "0");
}
