// The supplies checklist scales with the person's devices and the days.
#include <catch2/catch.hpp>

#include "render/fields.hpp"
#include "render/plan_supplies.hpp"

using namespace sheetgen;
using namespace sheetgen::render;

namespace {

const SupplyItem* find(const SupplyPlan& plan, const std::string& item) {
    for (const auto& i : plan.items)
        if (i.item.find(item) != std::string::npos) return &i;
    return nullptr;
}

Device device(DeviceKind k, double watts, double hours_per_day, double internal_h) {
    Device d;
    d.kind = k;
    d.watts = watts;
    d.hours_per_day = hours_per_day;
    d.internal_battery_h = internal_h;
    d.power_dependent = default_power_dependent(k);
    d.critical = default_critical(k);
    return d;
}

Verdict with_duration(std::optional<DurationRange> d) {
    Verdict v;
    v.exposure.duration = d;
    v.exposure.in_flood_zone = v.exposure.in_duration_zone = d.has_value();
    return v;
}

SupplyPlan plan_for(const Profile& p, std::optional<DurationRange> d = std::nullopt) {
    return plan_supplies(p, with_duration(d), model_power(p));
}

}  // namespace

TEST_CASE("supplies: a suction user gets catheters per day x days", "[render][plan]") {
    Profile p;
    p.person.care_needs = {CareNeed::Suction};
    p.devices = {device(DeviceKind::Suction, 30, 2, 1)};
    SupplyPlan plan = plan_for(p);
    CHECK(plan.carry_days == 3);
    CHECK(plan.home_days == 7);
    const SupplyItem* cath = find(plan, "吸引カテーテル");
    REQUIRE(cath);
    // The count varies tenfold between people: without it the quantity is to be checked.
    CHECK_FALSE(cath->counted);
    CHECK(supply_quantity(*cath, cath->carry) == "要確認");
    CHECK(cath->basis.find("suction_per_day") != std::string::npos);
    p.supplies.suction_per_day = 30;
    cath = find(plan = plan_for(p), "吸引カテーテル");
    CHECK(cath->carry == 30 * 3);
    CHECK(cath->home == 30 * 7);
    CHECK(supply_quantity(*cath, cath->carry) == "90本");
    CHECK(find(plan, "足踏み式") != nullptr);  // manual suction pump
    // No ventilator: no circuits, no resuscitation bag, no distilled water.
    CHECK(find(plan, "人工呼吸器回路") == nullptr);
    CHECK(find(plan, "アンビューバッグ") == nullptr);
    CHECK(find(plan, "蒸留水") == nullptr);
    CHECK(find(plan, "カセットボンベ") == nullptr);
}

TEST_CASE("supplies: home days follow the verdict, never weeks for a family that leaves", "[render][plan]") {
    Profile p;
    p.person.care_needs = {CareNeed::Suction};
    p.supplies.suction_per_day = 30;
    p.household.storeys = 6;
    Exposure e;
    e.in_flood_zone = e.in_duration_zone = true;
    e.depth = DepthRange{0.5, 3.0};
    e.duration = DurationRange{336, 672};
    // 1st floor: the family leaves, so the home stock stays at 7 days.
    p.household.living_floor = p.household.sleeping_floor = 1;
    Verdict leave = assess(p, e, {}, RiskOptions{});
    REQUIRE(leave.action == FloodAction::LeaveEarly);
    SupplyPlan plan = plan_supplies(p, leave, model_power(p));
    CHECK(plan.home_days == 7);
    CHECK(find(plan, "吸引カテーテル")->home == 30 * 7);
    // 4th floor with stock for the 672 h outage: it stays, and stocks for 28 days.
    p.household.living_floor = p.household.sleeping_floor = 4;
    p.supplies.stock_days = 28;
    Verdict stay = assess(p, e, {}, RiskOptions{});
    REQUIRE(stay.action == FloodAction::ShelterUpstairs);
    plan = plan_supplies(p, stay, model_power(p));
    CHECK(plan.home_days == 28);
    CHECK(find(plan, "吸引カテーテル")->carry == 30 * 3);
}

TEST_CASE("supplies: ventilator items, humidifier water and medicines", "[render][plan]") {
    Profile p;
    p.person.care_needs = {CareNeed::Ventilator, CareNeed::Tracheostomy, CareNeed::TubeFeeding};
    Device v = device(DeviceKind::Ventilator, 60, 24, 4);
    v.external_battery_count = 2;
    v.external_battery_h = 6;
    v.humidifier = "MR850";
    p.devices = {v};
    p.person.medications = {{"薬A", "1mg", "朝"}};
    SupplyPlan plan = plan_for(p);
    const SupplyItem* circuits = find(plan, "人工呼吸器回路");
    REQUIRE(circuits);
    CHECK(circuits->carry == 2);  // one change within the week + one spare
    CHECK(circuits->home == 2);
    CHECK(find(plan, "蒸留水")->home == 7 * kDistilledWaterLitresPerDay);
    CHECK(find(plan, "人工鼻")->carry == 3);
    CHECK(find(plan, "気管カニューレ")->carry == kSpareCannulas);
    CHECK(find(plan, "Yガーゼ")->home == 14);
    CHECK(find(plan, "注入セット")->carry == 3);
    CHECK(find(plan, "シリンジ")->home == 14);
    CHECK(find(plan, "常用薬")->carry == 7);  // medicines: at least a week even when carried
    CHECK(find(plan, "外部バッテリー")->carry == 2);
    // Without a humidifier, no distilled water.
    p.devices[0].humidifier.clear();
    CHECK(find(plan_for(p), "蒸留水") == nullptr);
    // An HME (人工鼻) needs no water: it is the daily item (tama-002).
    p.devices[0].humidifier = "人工鼻";
    plan = plan_for(p);
    CHECK(find(plan, "蒸留水") == nullptr);
    REQUIRE(find(plan, "人工鼻（HME）"));
    CHECK(find(plan, "人工鼻（HME）")->home == 7);
}

TEST_CASE("supplies: a generator gets gas cans from fuel_hours and the days", "[render][plan]") {
    Profile p;
    p.person.care_needs = {CareNeed::Ventilator};
    Device v = device(DeviceKind::Ventilator, 60, 24, 4);
    v.external_battery_count = 2;
    v.external_battery_h = 6;  // own batteries: 16 h
    p.devices = {v};
    PowerBackup gen;
    gen.kind = BackupKind::Generator;
    gen.fuel = "カセットボンベ 6本";
    gen.fuel_hours = 12;  // 2 h a can
    p.power_backup = {gen};
    SupplyPlan plan = plan_for(p);
    const SupplyItem* cans = find(plan, "カセットボンベ");
    REQUIRE(cans);
    // The generator takes over after the 12 h of external batteries (the
    // internal battery is the reserve) and must run to 168 h: 156 h / 2 h = 78 cans.
    CHECK(cans->home == 78);
    CHECK(cans->carry == 0);  // it stays at home
    CHECK(cans->basis.find("備蓄 6本") != std::string::npos);
    // Staying upstairs through 336 h: (336 - 12) / 2 = 162.
    Verdict v14;
    v14.home_days = 14;
    CHECK(find(plan_supplies(p, v14, model_power(p)), "カセットボンベ")->home == 162);
    // No count of cans in the fuel note: 1 h a can assumed.
    p.power_backup[0].fuel = "";
    CHECK(find(plan_for(p), "カセットボンベ")->home == 156);
    // No generator: no cans.
    p.power_backup.clear();
    CHECK(find(plan_for(p), "カセットボンベ") == nullptr);
}

TEST_CASE("supplies: oxygen users get a cylinder row to agree with the vendor", "[render][plan]") {
    Profile p;
    p.person.care_needs = {CareNeed::Oxygen};
    SupplyPlan plan = plan_for(p);
    const SupplyItem* o = find(plan, "酸素ボンベ");
    REQUIRE(o);
    CHECK_FALSE(o->counted);
    CHECK(supply_quantity(*o, o->carry) == "要確認");
    // Oxygen given through the ventilator (tama-001, tama-008) gets the row too.
    Profile q;
    q.person.care_needs = {CareNeed::Ventilator};
    Device v = device(DeviceKind::Ventilator, 60, 24, 4);
    v.settings = VentilatorSettings{};
    v.settings->oxygen = "1L/分";
    q.devices = {v};
    SupplyPlan qplan = plan_for(q);
    o = find(qplan, "酸素ボンベ");
    REQUIRE(o);
    CHECK(o->basis.find("人工呼吸器に酸素 1L/分") != std::string::npos);
    q.devices[0].settings->oxygen = "";
    CHECK(find(plan_for(q), "酸素ボンベ") == nullptr);
}

TEST_CASE("supplies: the template sees the list as rows", "[render][plan]") {
    Profile p;
    p.person.care_needs = {CareNeed::Suction};
    p.supplies.suction_per_day = 30;
    FieldModel m = build_field_model(p, Verdict{}, Date{2026, 4, 1});
    bool found = false;
    for (const auto& row : m.tables.at("supplies"))
        if (row.at("item").text == "吸引カテーテル") {
            found = true;
            CHECK(row.at("per_day").text == "30本/日");
            CHECK(row.at("carry").text == "90本");
            CHECK(row.at("home").text == "210本");
            CHECK(row.at("home_count").number == 210);
        }
    CHECK(found);
    CHECK(m.scalars.at("plan.carry_days").number == 3);
    CHECK(m.scalars.at("plan.home_days").number == 7);
}

TEST_CASE("supplies: the profile's stock and suction count are used", "[render][plan]") {
    Profile p;
    p.person.care_needs = {CareNeed::Ventilator, CareNeed::Suction};
    p.devices = {device(DeviceKind::Ventilator, 60, 24, 4)};
    p.person.medications = {{"薬A", "1mg", "朝"}};
    p.supplies.suction_per_day = 40;
    p.supplies.suction_catheters = 200;
    p.supplies.spare_circuits = 3;
    p.supplies.medication_days = 5;
    SupplyPlan plan = plan_for(p);
    const SupplyItem* cath = find(plan, "吸引カテーテル");
    CHECK(cath->per_day == 40);
    CHECK(cath->home == 280);
    CHECK(cath->basis.find("1日40回") != std::string::npos);
    CHECK(supply_stock(*cath) == "200本（不足）");  // 200 < 280
    CHECK(supply_stock(*find(plan, "人工呼吸器回路")) == "3組");
    CHECK(supply_stock(*find(plan, "常用薬")) == "5日分（不足）");
    REQUIRE(find(plan, "アンビューバッグ"));
    CHECK(supply_stock(*find(plan, "アンビューバッグ")).empty());  // not known
    FieldModel m = build_field_model(p, Verdict{}, Date{2026, 4, 1});
    for (const auto& row : m.tables.at("supplies"))
        if (row.at("item").text == "吸引カテーテル") {
            CHECK(row.at("stock").text == "200本（不足）");
            CHECK(row.at("stock_short").flag);
        }
}
