// Enum names are defined once (profile/profile_enums.hpp): to_string, label_ja
// and the parser read the same table, so every value's name parses back to
// the value, through the table and through the real profile reader.
#include <catch2/catch.hpp>

#include <set>

#include "profile/parse.hpp"
#include "profile/profile_enums.hpp"

using namespace sheetgen;

namespace {

// Values are 0..N-1: each must have exactly one name, and its name must
// parse back to it.
template <typename E>
void check_round_trip(const EnumTable<E>& table, const char* (*name_of)(E)) {
    std::set<std::string> names;
    for (size_t i = 0; i < table.size(); ++i) {
        const E v = static_cast<E>(i);
        const std::string name = name_of(v);
        INFO("value " << i << " name '" << name << "'");
        CHECK(table.parse(name) == v);
        CHECK(names.insert(name).second);
    }
    CHECK(names.size() == table.size());
    CHECK_FALSE(table.parse("no_such_name"));
}

const std::string kHead =
    "schema: sheetgen/profile-v1\nid: t-001\nupdated: 2026-04-01\n"
    "person: {name: 試験, birthdate: 2015-06-01, sex: %SEX%, care_needs: [%CARE%]}\n"
    "household: {location: {lat: 35.65, lon: 139.44}, building: {type: %BUILDING%, storeys: 2}}\n"
    "devices:\n  - {kind: %DEVICE%, name: 機器, battery_order: %ORDER%}\n"
    "power_backup:\n  - {kind: %BACKUP%}\n"
    "contacts:\n  - {role: %ROLE%, name: 連絡先}\n"
    "evacuation:\n  destinations:\n    - {type: %DEST%, name: 行き先}\n"
    "consent: {share_with_supporters: true}\n";

std::string with(std::string s, const std::string& key, const std::string& value) {
    const auto p = s.find(key);
    REQUIRE(p != std::string::npos);
    return s.replace(p, key.size(), value);
}

// A profile with every enum field set to the i-th value (the last when i is past the end).
Profile parsed_with(size_t i) {
    auto pick = [&](auto& table) { return table[std::min(i, std::size(table) - 1)].name; };
    std::string t = kHead;
    t = with(t, "%SEX%", pick(kSexNames));
    t = with(t, "%CARE%", pick(kCareNeedNames));
    t = with(t, "%BUILDING%", pick(kBuildingTypeNames));
    t = with(t, "%DEVICE%", pick(kDeviceKindNames));
    t = with(t, "%ORDER%", pick(kBatteryOrderNames));
    t = with(t, "%BACKUP%", pick(kBackupKindNames));
    t = with(t, "%ROLE%", pick(kContactRoleNames));
    t = with(t, "%DEST%", pick(kDestinationTypeNames));
    ProfileResult r = parse_profile(t, "t.yaml");
    for (const auto& d : r.diagnostics) INFO(format_diagnostic(d));
    REQUIRE(r.ok());
    return *r.profile;
}

}  // namespace

TEST_CASE("every profile enum name parses back to its value", "[profile][enum]") {
    check_round_trip<Sex>(kSexNames, to_string);
    check_round_trip<CareNeed>(kCareNeedNames, to_string);
    check_round_trip<DeviceKind>(kDeviceKindNames, to_string);
    check_round_trip<BackupKind>(kBackupKindNames, to_string);
    check_round_trip<ContactRole>(kContactRoleNames, to_string);
    check_round_trip<BuildingType>(kBuildingTypeNames, to_string);
    check_round_trip<BatteryOrder>(kBatteryOrderNames, to_string);
    check_round_trip<DestinationType>(kDestinationTypeNames, to_string);
}

TEST_CASE("every profile enum has a Japanese label from the same table", "[profile][enum]") {
    for (const auto& e : kDeviceKindNames) CHECK(std::string(label_ja(e.value)) == e.label);
    for (const auto& e : kContactRoleNames) CHECK(std::string(label_ja(e.value)) == e.label);
    CHECK(std::string(label_ja(DeviceKind::Ventilator)) == "人工呼吸器");
    CHECK(std::string(label_ja(Sex::Unknown)) == "不明");
    CHECK(std::string(label_ja(BackupKind::CarInverter)) == "自動車（インバーター）");
    CHECK(std::string(to_string(BackupKind::PowerStation)) == "power_station");
}

TEST_CASE("the profile reader accepts every enum name to_string prints", "[profile][enum]") {
    const size_t longest = std::size(kCareNeedNames);  // the largest table
    for (size_t i = 0; i < longest; ++i) {
        INFO("entry " << i);
        Profile p = parsed_with(i);
        CHECK(p.person.sex == kSexNames[std::min(i, std::size(kSexNames) - 1)].value);
        CHECK(p.person.care_needs.at(0) == kCareNeedNames[i].value);
        CHECK(p.household.building_type == kBuildingTypeNames[std::min(i, std::size(kBuildingTypeNames) - 1)].value);
        CHECK(p.devices.at(0).kind == kDeviceKindNames[std::min(i, std::size(kDeviceKindNames) - 1)].value);
        CHECK(p.devices.at(0).battery_order == kBatteryOrderNames[std::min(i, std::size(kBatteryOrderNames) - 1)].value);
        CHECK(p.power_backup.at(0).kind == kBackupKindNames[std::min(i, std::size(kBackupKindNames) - 1)].value);
        CHECK(p.contacts.at(0).role == kContactRoleNames[std::min(i, std::size(kContactRoleNames) - 1)].value);
        CHECK(p.evacuation.destinations.at(0).type ==
              kDestinationTypeNames[std::min(i, std::size(kDestinationTypeNames) - 1)].value);
    }
}

TEST_CASE("profile: three independent mistakes after Japanese text, all reported in character columns",
          "[profile][schema]") {
    const std::string text =
        "schema: sheetgen/profile-v1\nid: t-001\nupdated: 2026-04-01\n"
        "person: {name: 試験 太郎, birthdate: 2015-06-01, sex: mael}\n"          // 4
        "household: {address: 多摩市関戸, location: {lat: 35.65, lon: 139.44}, floor: 2}\n"  // 5
        "devices:\n  - {kind: suction, name: 吸引器, watts: 三十}\n"             // 7
        "consent: {share_with_supporters: true}\n";
    ProfileResult r = parse_profile(text, "t.yaml");
    REQUIRE(r.diagnostics.size() == 3);
    CHECK(format_diagnostic(r.diagnostics[0]) ==
          "t.yaml:4:51: unknown person.sex 'mael' (did you mean 'male'?); allowed: male, female, other, unknown");
    CHECK(format_diagnostic(r.diagnostics[1]) ==
          "t.yaml:5:66: unknown key 'floor' in household; allowed keys: address, district, location, "
          "location_source, building, living_floor, sleeping_floor, members, language");
    CHECK(format_diagnostic(r.diagnostics[2]) == "t.yaml:7:39: devices[1].watts must be a number, got text");
}

namespace {

// True when the text holds a Japanese character (kana, kanji, full-width or
// CJK punctuation): an English label must hold none.
bool has_japanese(const std::string& s) {
    for (size_t i = 0; i < s.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        if (c == 0xE3 || (c >= 0xE4 && c <= 0xE9) || c == 0xEF) return true;  // U+3000-U+9FFF, U+F000-U+FFFF
    }
    return false;
}

template <typename E>
void check_english(const EnumTable<E>& table) {
    for (const auto& e : table) {
        INFO(e.name);
        CHECK(std::string(e.label_en).size() > 0);
        CHECK_FALSE(has_japanese(e.label_en));
        CHECK(std::string(table.label(e.value, Lang::En)) == e.label_en);
        CHECK(std::string(table.label(e.value, Lang::Ja)) == e.label);
    }
}

}  // namespace

TEST_CASE("every profile enum printed on a document has an English label in its table", "[profile][enum][english]") {
    check_english<Sex>(kSexNames);
    check_english<CareNeed>(kCareNeedNames);
    check_english<DeviceKind>(kDeviceKindNames);
    check_english<BackupKind>(kBackupKindNames);
    check_english<ContactRole>(kContactRoleNames);
    check_english<BuildingType>(kBuildingTypeNames);
    check_english<DestinationType>(kDestinationTypeNames);
    check_english<Lang>(kLangNames);
    CHECK(std::string(label(ContactRole::CareCoordinator, Lang::En)) == "Medical care coordinator");
    CHECK(std::string(label(ContactRole::CareCoordinator, Lang::Ja)) == "医療的ケア児等コーディネーター");
}

TEST_CASE("household.language: ja by default, en for an English sheet, a typo located with did-you-mean",
          "[profile][enum][english]") {
    const std::string base =
        "schema: sheetgen/profile-v1\nid: t-001\nupdated: 2026-04-01\n"
        "person: {name: 試験, birthdate: 2015-06-01}\n"
        "household: {location: {lat: 35.65, lon: 139.44}%LANG%}\n"
        "consent: {share_with_supporters: true}\n";
    {
        ProfileResult r = parse_profile(with(base, "%LANG%", ""), "t.yaml");
        REQUIRE(r.ok());
        CHECK(r.profile->household.language == Lang::Ja);
    }
    {
        ProfileResult r = parse_profile(with(base, "%LANG%", ", language: en"), "t.yaml");
        REQUIRE(r.ok());
        CHECK(r.profile->household.language == Lang::En);
    }
    ProfileResult bad = parse_profile(with(base, "%LANG%", ", language: em"), "t.yaml");
    REQUIRE(bad.diagnostics.size() == 1);
    CHECK(format_diagnostic(bad.diagnostics[0]) ==
          "t.yaml:5:60: unknown household language 'em' (did you mean 'en'?); allowed: ja, en");
    ProfileResult lang_key = parse_profile(with(base, "%LANG%", ", langauge: en"), "t.yaml");
    REQUIRE(lang_key.diagnostics.size() == 1);
    CHECK(format_diagnostic(lang_key.diagnostics[0]).find("unknown key 'langauge' in household (did you mean 'language'?)") !=
          std::string::npos);
}
