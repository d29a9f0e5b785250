// The 12 sample households: every one valid, fields land where they belong.
#include <catch2/catch.hpp>

#include "profile/parse.hpp"
#include "test_support.hpp"

using namespace sheetgen;
using sheetgen::test::source_path;

namespace {
Profile load_sample(const std::string& id) {
    ProfileResult r = load_profile_file(source_path("samples/" + id + ".yaml"));
    for (const auto& d : r.diagnostics) UNSCOPED_INFO(format_diagnostic(d));
    REQUIRE(r.ok());
    REQUIRE(r.diagnostics.empty());
    return *r.profile;
}
const Device* find_device(const Profile& p, DeviceKind k) {
    for (const auto& d : p.devices)
        if (d.kind == k) return &d;
    return nullptr;
}
}  // namespace

TEST_CASE("every sample parses without diagnostics", "[profile][samples]") {
    std::vector<Diagnostic> problems;
    auto files = expand_profile_paths({source_path("samples")}, problems);
    CHECK(problems.empty());
    REQUIRE(files.size() == 12);
    IdRegistry ids;
    for (size_t i = 0; i < files.size(); ++i) {
        char want[32];
        std::snprintf(want, sizeof want, "tama-%03zu", i + 1);
        INFO(files[i]);
        ProfileResult r = load_profile_file(files[i]);
        for (const auto& d : r.diagnostics) UNSCOPED_INFO(format_diagnostic(d));
        CHECK(r.diagnostics.empty());
        REQUIRE(r.ok());
        CHECK(r.profile->id == want);
        CHECK(r.profile->source_file == files[i]);
        CHECK_FALSE(ids.add(r).has_value());
        if (r.profile->id != "tama-009") {
            CHECK(Date{2026, 3, 1} < Date{r.profile->updated.year, r.profile->updated.month, r.profile->updated.day + 1});
            CHECK(r.profile->updated < Date{2026, 11, 1});
        }
    }
}

TEST_CASE("tama-001: fields, numbers and defaults", "[profile][samples]") {
    Profile p = load_sample("tama-001");
    CHECK(p.updated == Date{2026, 4, 1});
    CHECK(p.person.name == "山田 陽翔");
    CHECK(p.person.birthdate == Date{2018, 5, 1});
    CHECK(age_on(p.person.birthdate, p.updated) == 7);
    CHECK(p.person.sex == Sex::Male);
    CHECK(p.person.blood_type == "A Rh+");
    REQUIRE(p.person.weight_kg);
    CHECK(*p.person.weight_kg == Approx(18.5));
    CHECK(p.person.care_needs ==
          std::vector<CareNeed>{CareNeed::Ventilator, CareNeed::Tracheostomy, CareNeed::Suction, CareNeed::TubeFeeding});
    REQUIRE(p.person.medications.size() == 3);
    CHECK(p.person.medications[0].name == "バルプロ酸ナトリウム");
    CHECK(p.person.medications[0].timing == "朝・夕");
    CHECK(p.household.district == "関戸");
    CHECK(p.household.location.lat == Approx(35.6530));
    CHECK(p.household.location.lon == Approx(139.4440));
    CHECK(p.household.location_at.line == 26);
    CHECK(p.household.location_at.column == 13);
    CHECK(p.household.building_type == BuildingType::Apartment);
    CHECK(p.household.storeys == 5);
    CHECK(p.household.living_floor == 1);
    CHECK(p.household.sleeping_floor == 1);
    CHECK_FALSE(p.household.elevator);
    CHECK(p.household.members.size() == 3);
    REQUIRE(p.devices.size() == 3);
    const Device& v = p.devices[0];
    CHECK(v.kind == DeviceKind::Ventilator);
    CHECK(v.hours_per_day == 24);
    CHECK(v.watts == 60);
    CHECK(v.internal_battery_h == 4);
    CHECK(v.external_battery_count == 2);
    CHECK(v.external_battery_h == 6);
    CHECK(v.power_dependent);
    CHECK(v.critical);
    REQUIRE(v.settings);
    CHECK(v.settings->mode == "PCV");
    CHECK(v.settings->peep == "5cmH2O");
    CHECK(v.circuit == "加温加湿回路（予備2本）");
    CHECK(v.humidifier == "MR850");
    CHECK(v.vendor_phone_24h == "0120-000-001");
    const Device& s = p.devices[1];
    CHECK(s.kind == DeviceKind::Suction);
    CHECK(s.watts == 30);
    CHECK(s.hours_per_day == 2);
    CHECK(s.internal_battery_h == 1);
    CHECK(s.power_dependent);
    CHECK_FALSE(s.critical);
    const Device& f = p.devices[2];
    CHECK(f.kind == DeviceKind::FeedingPump);
    CHECK(f.watts == 5);
    CHECK(f.hours_per_day == 6);
    CHECK(f.internal_battery_h == 8);
    REQUIRE(p.power_backup.size() == 1);
    CHECK(p.power_backup[0].kind == BackupKind::PowerStation);
    CHECK(p.power_backup[0].capacity_wh == 500);
    CHECK(p.power_backup[0].efficiency == Approx(0.85));
    CHECK(p.contacts.size() == 7);
    CHECK(p.contacts[0].role == ContactRole::Doctor);
    CHECK(p.contacts[0].phone == "042-000-0001");
    CHECK(p.evacuation.shelter == "E1322400016201");
    CHECK(p.evacuation.welfare_shelter.empty());
    REQUIRE(p.evacuation.destinations.size() == 2);
    CHECK(p.evacuation.destinations[0].type == DestinationType::WelfareShelter);
    CHECK(p.evacuation.destinations[0].name == "多摩市総合福祉センター");
    CHECK(p.evacuation.destinations[0].agreed);
    CHECK_FALSE(p.evacuation.destinations[0].power);  // read from the shelter layer, not written here
    CHECK(p.evacuation.destinations[1].type == DestinationType::Relatives);
    CHECK(p.evacuation.destinations[1].agreed);  // relatives: the family's own arrangement
    CHECK(p.evacuation.destinations[1].at.line > 0);
    REQUIRE(p.supplies.suction_per_day);
    CHECK(*p.supplies.suction_per_day == 60);
    CHECK(p.devices[0].battery_order == BatteryOrder::ExternalFirst);
    CHECK(p.evacuation.helpers_needed == 2);
    CHECK(p.evacuation.charge_locations.size() == 2);
    CHECK(p.consent.share_with_supporters);
    REQUIRE(p.consent.date);
    CHECK(*p.consent.date == Date{2026, 4, 1});
    CHECK(p.uses_ventilator());
    CHECK(p.has_power_dependent_device());
}

TEST_CASE("samples: the values the hazard and risk rules rely on", "[profile][samples]") {
    Profile p2 = load_sample("tama-002");
    CHECK(p2.household.district == "一ノ宮");  // derived from the address
    CHECK(p2.household.storeys == 10);
    CHECK(p2.household.living_floor == 8);
    CHECK(p2.household.sleeping_floor == 8);  // defaults to living_floor
    CHECK(p2.household.elevator);
    CHECK(p2.power_backup.empty());
    REQUIRE(find_device(p2, DeviceKind::Ventilator));
    CHECK(find_device(p2, DeviceKind::Ventilator)->external_battery_count == 1);

    Profile p3 = load_sample("tama-003");
    const Device* oc = find_device(p3, DeviceKind::OxygenConcentrator);
    REQUIRE(oc);
    CHECK(oc->watts == 120);
    CHECK(oc->internal_battery_h == 0);
    CHECK(oc->critical);
    const Device* cyl = find_device(p3, DeviceKind::OxygenCylinder);
    REQUIRE(cyl);
    CHECK_FALSE(cyl->power_dependent);
    REQUIRE(p3.power_backup.size() == 1);
    CHECK(p3.power_backup[0].kind == BackupKind::CarInverter);
    CHECK(p3.power_backup[0].output_w == 1500);
    CHECK(p3.power_backup[0].capacity_wh == 0);

    Profile p4 = load_sample("tama-004");
    CHECK(p4.devices.empty());
    CHECK_FALSE(p4.has_power_dependent_device());
    CHECK(p4.household.living_floor == 2);

    Profile p5 = load_sample("tama-005");
    CHECK(p5.evacuation.shelter == "北諏訪小学校校庭");
    CHECK(p5.household.living_floor == 2);
    CHECK(find_device(p5, DeviceKind::Ventilator)->hours_per_day == 10);

    Profile p7 = load_sample("tama-007");
    CHECK(p7.evacuation.shelter.empty());
    CHECK_FALSE(p7.consent.share_with_supporters);
    CHECK_FALSE(p7.consent.date);

    Profile p8 = load_sample("tama-008");
    CHECK(p8.household.storeys == 20);
    CHECK(p8.household.living_floor == 12);
    REQUIRE(p8.power_backup.size() == 2);
    CHECK(p8.power_backup[0].capacity_wh == 1500);
    CHECK(p8.power_backup[1].kind == BackupKind::Generator);
    CHECK(p8.power_backup[1].fuel_hours == 12);
    CHECK(p8.power_backup[1].efficiency == Approx(0.85));  // default
    CHECK(find_device(p8, DeviceKind::Ventilator)->external_battery_h == 8);

    Profile p9 = load_sample("tama-009");
    CHECK(p9.updated == Date{2025, 6, 1});
    CHECK(p9.evacuation.shelter == "SYN-0001");

    Profile p10 = load_sample("tama-010");
    CHECK(p10.power_backup[0].capacity_wh == 700);
    CHECK(find_device(p10, DeviceKind::OxygenConcentrator)->watts == 100);

    Profile p11 = load_sample("tama-011");
    CHECK(p11.evacuation.shelter == "X-999");
    CHECK(p11.household.district == "乞田");

    Profile p12 = load_sample("tama-012");
    CHECK(p12.person.medications.size() == 10);
    CHECK(p12.contacts.size() == 12);
    CHECK(p12.household.members.size() == 4);
    CHECK(p12.evacuation.supporters.size() == 3);
    CHECK(p12.person.notes.size() > 5000);  // ~2,000 characters of Japanese (3 bytes each)
    CHECK(find_device(p12, DeviceKind::CoughAssist)->watts == 100);
    CHECK(p12.power_backup[0].capacity_wh == 1000);
}

TEST_CASE("the annotated example in docs/profile-format.md is valid", "[profile][docs]") {
    std::string doc = sheetgen::test::read_file(source_path("docs/profile-format.md"));
    auto a = doc.find("```yaml\n");
    REQUIRE(a != std::string::npos);
    a += 8;
    auto b = doc.find("```", a);
    REQUIRE(b != std::string::npos);
    ProfileResult r = parse_profile(doc.substr(a, b - a), "profile-format.md");
    for (const auto& d : r.diagnostics) UNSCOPED_INFO(format_diagnostic(d));
    CHECK(r.diagnostics.empty());
    REQUIRE(r.ok());
    CHECK(r.profile->id == "tama-001");
    CHECK(r.profile->devices.at(0).external_battery_count == 2);
    CHECK(r.profile->power_backup.at(0).fuel_hours == 12);
}
