#include "render/fields.hpp"

#include <algorithm>
#include <cctype>
#include <set>
#include <cmath>
#include <cstdio>

#include "common/utf8.hpp"
#include "render/card_fields.hpp"
#include "render/plan_fields.hpp"
#include "render/words.hpp"

namespace sheetgen::render {

namespace value {

FieldValue text(const std::string& s) {
    FieldValue v;
    v.type = ValueType::Text;
    v.present = !s.empty();
    v.text = s;
    return v;
}
FieldValue number(double d, bool present) {
    FieldValue v;
    v.type = ValueType::Number;
    v.present = present && std::isfinite(d);
    v.number = std::isfinite(d) ? d : 0;
    return v;
}
FieldValue date(const Date& d) {
    FieldValue v;
    v.type = ValueType::Date;
    v.present = d.year > 0;
    v.date = d;
    return v;
}
FieldValue boolean(bool b) {
    FieldValue v;
    v.type = ValueType::Bool;
    v.present = true;
    v.flag = b;
    return v;
}
FieldValue list(std::vector<std::string> items) {
    items.erase(std::remove(items.begin(), items.end(), std::string()), items.end());
    FieldValue v;
    v.type = ValueType::List;
    v.present = !items.empty();
    v.list = std::move(items);
    return v;
}
}  // namespace value

std::string join(const std::vector<std::string>& parts, const std::string& sep) {
    std::string out;
    for (const auto& p : parts) {
        if (p.empty()) continue;
        if (!out.empty()) out += sep;
        out += p;
    }
    return out;
}

using namespace value;

namespace {

FieldValue enumeration(const char* key, const std::string& label, bool present = true) {
    FieldValue v;
    v.type = ValueType::Enum;
    v.present = present;
    v.key = key;
    v.text = label;
    return v;
}

std::string plain_number(double d) {
    char buf[64];
    if (std::fabs(d - std::round(d)) < 1e-9)
        std::snprintf(buf, sizeof buf, "%.0f", d);
    else if (std::fabs(d * 10 - std::round(d * 10)) < 1e-6)
        std::snprintf(buf, sizeof buf, "%.1f", d);
    else
        std::snprintf(buf, sizeof buf, "%.2f", d);
    return buf;
}

std::string distance_text(double m, Lang l) {
    char buf[64];
    if (m < 1000) {
        std::snprintf(buf, sizeof buf, "%.0f", std::round(m / 10) * 10);
        return phrase(Word::Metres, l, {{"n", buf}});
    }
    std::snprintf(buf, sizeof buf, "%.1f", m / 1000);
    return phrase(Word::Kilometres, l, {{"n", buf}});
}

std::string bracketed(const std::string& x, Lang l) { return phrase(Word::Bracketed, l, {{"x", x}}); }

std::string trim_leading_space(std::string s) {
    if (!s.empty() && s[0] == ' ') s.erase(0, 1);
    return s;
}

std::string device_name(const Device& d, Lang l) { return d.name.empty() ? label(d.kind, l) : d.name; }

Record device_record(const Device& d, Lang l) {
    Record r;
    r["kind"] = enumeration(to_string(d.kind), label(d.kind, l));
    r["name"] = text(device_name(d, l));
    r["model"] = text(d.model);
    r["hours_per_day"] = number(d.hours_per_day, d.hours_per_day > 0);
    r["watts"] = number(d.watts, d.watts > 0);
    r["internal_battery_h"] = number(d.internal_battery_h, d.internal_battery_h > 0);
    r["external_battery_count"] = number(d.external_battery_count, d.external_battery_count > 0);
    r["external_battery_h"] = number(d.external_battery_h, d.external_battery_h > 0);
    std::string ext;
    if (d.external_battery_count > 0)
        ext = phrase(Word::ExternalBatteries, l,
                     {{"count", std::to_string(d.external_battery_count)}, {"hours", plain_number(d.external_battery_h)}});
    r["external_batteries"] = text(ext);
    double total = d.internal_battery_h + d.external_battery_count * d.external_battery_h;
    r["battery_total_h"] = number(total, total > 0);
    r["manual_fallback"] = text(d.manual_fallback);
    r["maintenance_contact"] = text(d.maintenance_contact);
    r["vendor_phone_24h"] = text(d.vendor_phone_24h);
    r["power_dependent"] = boolean(d.power_dependent);
    r["critical"] = boolean(d.critical);
    r["circuit"] = text(d.circuit);
    r["humidifier"] = text(d.humidifier);
    return r;
}

Record medication_record(const Medication& m) {
    return {{"name", text(m.name)}, {"dose", text(m.dose)}, {"timing", text(m.timing)}};
}

Record contact_record(const Contact& c, Lang l) {
    return {{"role", enumeration(to_string(c.role), label(c.role, l))},
            {"name", text(c.name)},
            {"organisation", text(c.organisation)},
            {"phone", text(c.phone)},
            {"notes", text(c.notes)}};
}

Record supporter_record(const Supporter& s) {
    return {{"name", text(s.name)}, {"relation", text(s.relation)}, {"phone", text(s.phone)}};
}

Record member_record(const HouseholdMember& m) {
    return {{"relation", text(m.relation)},
            {"name", text(m.name)},
            {"age", number(m.age.value_or(0), m.age.has_value())},
            {"notes", text(m.notes)}};
}

Record backup_record(const PowerBackup& b, Lang l) {
    return {{"kind", enumeration(to_string(b.kind), label(b.kind, l))},
            {"model", text(b.model)},
            {"capacity_wh", number(b.capacity_wh, b.capacity_wh > 0)},
            {"output_w", number(b.output_w, b.output_w > 0)},
            {"fuel", text(b.fuel)},
            {"fuel_hours", number(b.fuel_hours, b.fuel_hours > 0)}};
}

Record charge_record(const ChargeLocation& c) {
    return {{"name", text(c.name)}, {"address", text(c.address)}, {"notes", text(c.notes)}};
}

// The English sheet names only places the verdict accepted (stay, flee when
// late, upstairs). A reason about another place (a planned site the verdict
// turned down, a destination without an agreement, a welfare shelter staff
// still have to arrange) is printed with the place described, not named:
// the {name} of the catalogue sentence is replaced by these words.
struct UnnamedPlace {
    const char* code;
    const char* en;
};
constexpr UnnamedPlace kUnnamedPlaces[] = {
    {"destination_not_agreed", "The place named in the plan"},
    {"destination_no_power", "The place named in the plan"},
    {"destination_in_flood_zone", "The place named in the plan"},
    {"welfare_shelter_to_arrange", "the nearest one"},
};
constexpr const char* kUnnamedPlaceDefault = "named in the plan";  // "The planned site named in the plan ..."

bool accepted_place(const Verdict& v, const std::string& name) {
    for (const auto& d : v.destinations)
        if (d.role != DestinationRole::ToArrange && d.name == name) return true;
    return false;
}

std::string reason_in(const Reason& r, const Verdict& v, Lang l) {
    if (l == Lang::Ja) return r.ja;
    Params params = r.params;
    bool changed = false;
    for (auto& [key, value] : params) {
        if (key != "name" || accepted_place(v, value.en)) continue;
        value.en = kUnnamedPlaceDefault;
        for (const auto& u : kUnnamedPlaces)
            if (r.code == u.code) value.en = u.en;
        changed = true;
    }
    return with_broadcast_terms(changed ? make_reason(r.code, params).en : r.en, l);
}

Record reason_record(const Reason& r, const Verdict& v, Lang l) {
    return {{"code", text(r.code)}, {"text", text(reason_in(r, v, l))}};
}

template <typename T, typename F>
std::vector<Record> rows(const std::vector<T>& items, F f) {
    std::vector<Record> out;
    out.reserve(items.size());
    for (const auto& i : items) out.push_back(f(i));
    return out;
}

constexpr CareNeed kAllCareNeeds[] = {CareNeed::Ventilator, CareNeed::Tracheostomy, CareNeed::Suction,
                                      CareNeed::Oxygen,     CareNeed::TubeFeeding,  CareNeed::Iv,
                                      CareNeed::Dialysis,   CareNeed::Catheterisation, CareNeed::Ostomy,
                                      CareNeed::BloodGlucose, CareNeed::Nebuliser,  CareNeed::Other};

std::string depth_text(const Exposure& e, Lang l) {
    if (!e.in_flood_zone) return word(Word::OutsideFloodZones, l);
    if (!e.depth) return word(Word::FloodDepthUnknown, l);
    return l == Lang::En ? e.depth->label_en() : e.depth->label_ja();
}

// A scenario's name: 計画規模 / planned scale ("" when the layer gave none).
std::string scenario_name(FloodScenario sc, Lang l) { return data_term(label_ja(sc), l); }

// One scenario's class, after its name: 「0.5m以上3.0m未満」「区域内・深さ不明」「区域外」.
std::string scenario_depth_text(const ScenarioDepth& d, Lang l) {
    if (!d.in_zone) return word(Word::ScenarioOutside, l);
    if (!d.depth) return word(Word::ScenarioDepthUnknown, l);
    return l == Lang::En ? d.depth->label_en() : d.depth->label_ja();
}

// The depth with its scenario: 「3.0m以上5.0m未満（想定最大規模）」; when the
// config loads both scenarios, the deciding one first and the other in
// brackets: 「想定最大規模 3.0m以上5.0m未満（計画規模 0.5m以上3.0m未満）」.
std::string river_depth_label(const Exposure& e, Lang l) {
    const std::string scenario = scenario_name(e.depth_scenario, l);
    if (!e.in_flood_zone || (e.scenario_depths.empty() && scenario.empty())) return depth_text(e, l);
    if (e.scenario_depths.empty()) return depth_text(e, l) + bracketed(scenario, l);
    std::vector<std::string> others;
    for (const ScenarioDepth& d : e.scenario_depths)
        if (d.scenario != e.depth_scenario) others.push_back(scenario_name(d.scenario, l) + " " + scenario_depth_text(d, l));
    return (scenario.empty() ? "" : scenario + " ") + depth_text(e, l) + bracketed(join(others, l == Lang::En ? "; " : "、"), l);
}

// A storm-surge or tsunami zone: 「津波浸水想定 2.0m以上5.0m未満」.
std::string kind_zone_text(const KindZone& z, Lang l) {
    const std::string name = kind_name(z.kind, l);
    const std::string depth = z.depth ? (l == Lang::En ? z.depth->label_en() : z.depth->label_ja())
                                      : word(Word::ScenarioDepthUnknown, l);
    return name + " " + depth;
}

// The river flood's depth, and every storm-surge or tsunami zone the home
// lies in: a tsunami zone is never reported as 「浸水想定区域外」.
std::string depth_label(const Exposure& e, Lang l) {
    const std::string river = river_depth_label(e, l);
    if (e.kind_zones.empty()) return river;
    std::vector<std::string> kinds;
    for (const KindZone& z : e.kind_zones) kinds.push_back(kind_zone_text(z, l));
    const std::string sep = l == Lang::En ? "; " : "、";
    if (!e.in_flood_zone) return join(kinds, sep) + bracketed(word(Word::RiverFloodOutside, l), l);
    return word(Word::RiverFlood, l) + " " + river + sep + join(kinds, sep);
}

std::string shelter_line(const std::optional<ShelterSuggestion>& s) { return s ? s->name : std::string(); }

// "多摩市総合福祉センター（福祉避難所・約1.2km）" / "... (Welfare shelter, ~1.2 km,
// power available)" for each accepted destination of a role.
std::vector<std::string> destination_lines(const Verdict& v, DestinationRole role, Lang l) {
    std::vector<std::string> out;
    const std::string& sep = word(Word::ExtraSeparator, l);
    for (const auto& d : v.destinations) {
        if (d.role != role) continue;
        std::string extra = l == Lang::En ? d.kind_en : d.kind_ja;
        if (d.distance_m)
            extra += (extra.empty() ? "" : sep) + (l == Lang::En ? format_distance_en(*d.distance_m)
                                                                 : format_distance_ja(*d.distance_m));
        if (role == DestinationRole::Stay && d.power == true) extra += sep + word(Word::PowerAvailable, l);
        out.push_back(d.name + (extra.empty() || role == DestinationRole::Upstairs ? "" : bracketed(extra, l)));
    }
    return out;
}

// When to leave, in words: a tsunami warning does not wait for any level.
std::string start_text(const Verdict& v, Lang l) {
    if (v.leave_immediately && v.start_alert_level)
        return phrase(Word::StartOnTsunamiAndLevel, l, {{"n", std::to_string(*v.start_alert_level)}});
    if (v.leave_immediately) return word(Word::StartOnTsunami, l);
    if (v.start_alert_level) return phrase(Word::StartAtLevel, l, {{"n", std::to_string(*v.start_alert_level)}});
    return word(Word::StartStayHome, l);
}

std::string safe_floor_text(const Verdict& v, Lang l) {
    std::string sf;
    if (v.safe_floor) {
        sf = phrase(Word::SafeFloor, l, {{"n", std::to_string(*v.safe_floor)}}) +
             (v.safe_floor_assumed ? word(Word::SafeFloorAssumed, l) : "");
        if (v.has("no_safe_floor_in_building")) sf += word(Word::SafeFloorNotInBuilding, l);
    } else if (v.has("no_safe_floor")) {
        sf = word(Word::NoSafeFloor, l);
    }
    return sf;
}

void add_action_fields(Record& s, const Verdict& v, Lang l) {
    // On the English sheet, each alert with its Japanese broadcast term (words.hpp).
    s["verdict.action"] = enumeration(to_string(v.action), with_broadcast_terms(action_label(v, l), l));
    s["verdict.start_alert_level"] = text(with_broadcast_terms(start_text(v, l), l));
    s["verdict.action_heading"] = text(word(v.leave_immediately ? Word::ActionHeadingTsunami : Word::ActionHeading, l));
    s["verdict.safe_floor"] = text(safe_floor_text(v, l));
    std::vector<std::string> stay = destination_lines(v, DestinationRole::Stay, l);
    if (stay.empty() && v.has("no_stay_destination")) stay.push_back(word(Word::NoStayDestination, l));
    s["verdict.stay_destination"] = list(stay);
    s["verdict.flee_site"] = list(destination_lines(v, DestinationRole::FleeWhenLate, l));
    // A welfare shelter staff still have to arrange is no place to go yet: not on English sheets.
    if (l == Lang::Ja) s["verdict.welfare_to_arrange"] = list(destination_lines(v, DestinationRole::ToArrange, l));
    s["verdict.outage_hours"] = number(v.outage_hours, v.outage_hours > 0);
}

}  // namespace

const char* to_string(ValueType t) {
    switch (t) {
        case ValueType::Text: return "text";
        case ValueType::Number: return "number";
        case ValueType::Date: return "date";
        case ValueType::Bool: return "yes/no";
        case ValueType::List: return "list";
        case ValueType::Enum: return "choice";
    }
    return "?";
}

namespace {

void add_person_fields(Record& s, const Profile& p, const Date& document_date, Lang l) {
    const Person& per = p.person;
    s["person.name"] = text(per.name);
    s["person.kana"] = text(per.kana);
    s["person.birthdate"] = date(per.birthdate);
    bool has_birth = per.birthdate.year > 0;
    s["person.age"] = number(has_birth ? age_on(per.birthdate, document_date) : 0, has_birth);
    s["person.sex"] = enumeration(to_string(per.sex), per.sex == Sex::Unknown ? "" : label(per.sex, l), per.sex != Sex::Unknown);
    s["person.blood_type"] = text(per.blood_type);
    s["person.weight_kg"] = number(per.weight_kg.value_or(0), per.weight_kg.has_value());
    s["person.diagnoses"] = list(per.diagnoses);
    std::vector<std::string> needs;
    for (CareNeed c : per.care_needs) needs.push_back(label(c, l));
    s["person.care_needs"] = list(needs);
    for (CareNeed c : kAllCareNeeds)
        s[std::string("person.care.") + to_string(c)] =
            boolean(std::find(per.care_needs.begin(), per.care_needs.end(), c) != per.care_needs.end());
    s["person.care_notes"] = text(per.care_notes);
    s["person.mobility"] = text(per.mobility);
    s["person.communication"] = text(per.communication);
    s["person.allergies"] = list(per.allergies);
    std::vector<std::string> meds;
    for (const auto& md : per.medications) meds.push_back(join({md.name, md.dose, md.timing}, " "));
    s["person.medications"] = list(meds);
    s["person.notes"] = text(per.notes);

}

// 「集合住宅 5階建（エレベーターあり）」 / "5-storey apartment building (with lift)".
std::string building_text(const Household& h, Lang l) {
    std::string type = label(h.building_type, l);
    if (l == Lang::En && !type.empty() && type[0] >= 'A' && type[0] <= 'Z') type[0] = static_cast<char>(type[0] - 'A' + 'a');
    std::string building = phrase(Word::Building, l, {{"type", type}, {"n", std::to_string(h.storeys)}});
    if (h.building_type != BuildingType::Detached)
        building += word(h.elevator ? Word::WithElevator : Word::WithoutElevator, l);
    return building;
}

void add_household_fields(Record& s, const Profile& p, Lang l) {
    const Household& h = p.household;
    s["household.id"] = text(p.id);
    s["household.address"] = text(h.address);
    s["household.district"] = text(h.district);
    char loc[64];
    std::snprintf(loc, sizeof loc, "%.5f, %.5f", h.location.lat, h.location.lon);
    s["household.location"] = text(loc);
    s["household.building_type"] = enumeration(to_string(h.building_type), label(h.building_type, l));
    s["household.storeys"] = number(h.storeys);
    s["household.living_floor"] = number(h.living_floor);
    s["household.sleeping_floor"] = number(h.sleeping_floor);
    s["household.elevator"] = boolean(h.elevator);
    s["household.building"] = text(building_text(h, l));
    std::string floors = phrase(Word::LivingFloor, l, {{"n", std::to_string(h.living_floor)}});
    if (h.sleeping_floor != h.living_floor)
        floors += phrase(Word::SleepingFloor, l, {{"n", std::to_string(h.sleeping_floor)}});
    s["household.floors"] = text(floors);
    std::vector<std::string> members;
    for (const auto& mb : h.members) {
        std::string t = join({mb.relation, mb.name}, " ");
        if (mb.age) t += phrase(Word::MemberAge, l, {{"n", std::to_string(*mb.age)}});
        if (!mb.notes.empty()) t += " " + mb.notes;
        members.push_back(t);
    }
    s["household.members"] = list(members);

}

std::string duration_text(const Exposure& e, Lang l) {
    if (e.duration) return l == Lang::En ? e.duration->label_en() : e.duration->label_ja();
    return word(e.in_duration_zone ? Word::DurationUnknown : Word::NoneDash, l);
}

void add_exposure_fields(Record& s, const Exposure& e, Lang l) {
    s["exposure.in_flood_zone"] = boolean(e.in_flood_zone);
    s["exposure.depth"] = text(depth_text(e, l));
    s["exposure.depth_label"] = text(depth_label(e, l));
    s["exposure.depth_scenario"] = text(scenario_name(e.depth_scenario, l));
    for (FloodScenario sc : {FloodScenario::Planned, FloodScenario::Maximum}) {
        const ScenarioDepth* d = e.scenario_depth(sc);
        s[std::string("exposure.depth_") + to_string(sc)] = text(d ? scenario_depth_text(*d, l) : "");
    }
    s["exposure.duration"] = text(duration_text(e, l));
    std::string collapse = word(Word::ZoneOutside, l);
    if (e.in_house_collapse) {
        collapse = word(Word::ZoneInside, l);
        if (e.house_collapse_type == "flood_flow") collapse += word(Word::FloodFlow, l);
        else if (e.house_collapse_type == "bank_erosion") collapse += word(Word::BankErosion, l);
    }
    s["exposure.house_collapse"] = text(collapse);
    s["exposure.in_house_collapse"] = boolean(e.in_house_collapse);
    std::string landslide =
        e.in_landslide ? word(Word::ZoneInside, l) +
                             (e.landslide_type.empty() ? std::string() : bracketed(data_term(e.landslide_type, l), l))
                       : word(Word::ZoneOutside, l);
    s["exposure.landslide"] = text(landslide);
    s["exposure.in_landslide"] = boolean(e.in_landslide);
    s["exposure.layers"] = list(e.layers_hit);

}

// The planned site as the English sheet may print it: named only when the
// verdict accepted it as a place to go; otherwise its status alone.
std::string planned_checked(const Profile& p, const Verdict& v, Lang l) {
    const std::string status = planned_status_label(v, l);
    const std::string name = v.planned_shelter ? v.planned_shelter->name : p.evacuation.shelter;
    if (name.empty() || v.planned_shelter_status == ShelterStatus::NotPlanned) return status;
    if (accepted_place(v, name)) return phrase(Word::PlannedAccepted, l, {{"name", name}, {"status", status}});
    return phrase(Word::PlannedNotAccepted, l, {{"status", status}});
}

void add_verdict_fields(Record& s, const Profile& p, const Verdict& v, Lang l) {
    s["verdict.level"] = text(to_string(v.level));
    s["verdict.level_label"] = text(l == Lang::En ? label_en(v.level) : label_ja(v.level));
    // The documents print the destinations and the safe floor in their own
    // rows and the model's notes under 計算上の注意, so the verdict box keeps
    // to the reasons that explain the action; all of them stay available.
    std::vector<std::string> reasons, all;
    for (const auto& r : v.reasons) {
        const std::string t = reason_in(r, v, l);
        all.push_back(t);
        static const std::set<std::string> shown_elsewhere = {"stay_destination", "flee_site", "safe_floor",
                                                              "power_runtime"};
        const ReasonGroup g = reason_catalogue()[std::min(reason_rank(r.code), reason_catalogue().size() - 1)].group;
        if (g != ReasonGroup::Note && !shown_elsewhere.count(r.code)) reasons.push_back(t);
    }
    s["verdict.reasons"] = list(reasons);
    s["verdict.all_reasons"] = list(all);
    if (l == Lang::Ja) {  // these name the planned site or a welfare shelter to arrange, accepted or not
        std::string planned = v.planned_shelter ? v.planned_shelter->name : p.evacuation.shelter;
        s["verdict.planned_shelter"] = text(planned);
        s["verdict.suggested_welfare"] = text(shelter_line(v.suggested_welfare));
    }
    s["verdict.planned_shelter_checked"] = text(planned_checked(p, v, l));
    s["verdict.planned_shelter_status"] = text(planned_status_label(v, l));
    s["verdict.planned_shelter_distance"] = number(v.planned_shelter_distance_m.value_or(0), v.planned_shelter_distance_m.has_value());
    s["verdict.suggested_shelter"] = text(shelter_line(v.suggested_shelter));
    s["verdict.suggested_shelter_distance"] = number(v.suggested_shelter ? v.suggested_shelter->distance_m : 0, v.suggested_shelter.has_value());
    s["verdict.suggested_welfare_distance"] = number(v.suggested_welfare ? v.suggested_welfare->distance_m : 0, v.suggested_welfare.has_value());
    add_action_fields(s, v, l);
    s["verdict.review_overdue"] = boolean(v.review_overdue);
    s["verdict.consent_missing"] = boolean(v.consent_missing);

}

void add_power_fields(Record& s, const Profile& p, const Verdict& v, Lang l) {
    s["power.hours"] = number(v.power_hours.value_or(0), v.power_hours.has_value());
    std::vector<std::string> backups;
    for (const auto& b : p.power_backup) {
        // "ポータブル電源 ポータブル電源 500Wh" reads badly: skip the kind when the model names it.
        std::string kind = label(b.kind, l);
        std::string t = b.model.find(kind) != std::string::npos ? b.model : join({kind, b.model}, " ");
        // "ポータブル電源 500Wh" already says its capacity: do not print "500Wh" twice.
        const std::string wh = plain_number(b.capacity_wh) + "Wh";  // as a model name writes it
        if (b.capacity_wh > 0 && t.find(wh) == std::string::npos)
            t += " " + phrase(Word::WattHours, l, {{"n", plain_number(b.capacity_wh)}});
        if (!b.fuel.empty()) t += bracketed(b.fuel, l);
        backups.push_back(t);
    }
    s["power.backup"] = list(backups);
    std::vector<std::string> dependent;
    for (const auto& d : p.devices)
        if (d.power_dependent) dependent.push_back(device_name(d, l));
    s["power.dependent_devices"] = list(dependent);

}

void add_evacuation_fields(Record& s, const Profile& p, Lang l) {
    const Evacuation& ev = p.evacuation;
    if (l == Lang::Ja) {  // places as the profile wrote them, before the verdict judged them
        s["evacuation.shelter"] = text(ev.shelter);
        s["evacuation.welfare_shelter"] = text(ev.welfare_shelter);
        s["evacuation.alternative"] = text(ev.alternative);
    }
    s["evacuation.transport"] = text(ev.transport);
    s["evacuation.helpers_needed"] = number(ev.helpers_needed, ev.helpers_needed > 0);
    s["evacuation.notes"] = text(ev.notes);
    std::vector<std::string> sup;
    for (const auto& x : ev.supporters)
        sup.push_back(join({x.name, x.relation.empty() ? "" : trim_leading_space(bracketed(x.relation, l)), x.phone}, " "));
    s["evacuation.supporters"] = list(sup);
    std::vector<std::string> charge;
    for (const auto& c : ev.charge_locations) charge.push_back(join({c.name, c.address, c.notes}, " "));
    s["evacuation.charge_locations"] = list(charge);

    s["consent.share_with_supporters"] = boolean(p.consent.share_with_supporters);
    s["consent.date"] = date(p.consent.date.value_or(Date{}));

}

// The row lists templates print as tables.
void add_tables(FieldModel& m, const Profile& p, const Verdict& v, Lang l) {
    m.tables["devices"] = rows(p.devices, [l](const Device& d) { return device_record(d, l); });
    m.tables["medications"] = rows(p.person.medications, medication_record);
    m.tables["contacts"] = rows(p.contacts, [l](const Contact& c) { return contact_record(c, l); });
    m.tables["supporters"] = rows(p.evacuation.supporters, supporter_record);
    m.tables["members"] = rows(p.household.members, member_record);
    m.tables["power_backup"] = rows(p.power_backup, [l](const PowerBackup& b) { return backup_record(b, l); });
    m.tables["charge_locations"] = rows(p.evacuation.charge_locations, charge_record);
    m.tables["reasons"] = rows(v.reasons, [&v, l](const Reason& r) { return reason_record(r, v, l); });
}

}  // namespace

// Every field a template can name, from the profile and the verdict (the
// names are the template vocabulary of docs/template-format.md).
FieldModel build_field_model(const Profile& p, const Verdict& v, const Date& document_date, Lang l) {
    FieldModel m;
    Record& s = m.scalars;
    s["document.date"] = date(document_date);
    s["profile.id"] = text(p.id);
    s["profile.updated"] = date(p.updated);
    s["profile.review_date"] = date(add_months(p.updated, 12));
    add_person_fields(s, p, document_date, l);
    add_household_fields(s, p, l);
    add_exposure_fields(s, v.exposure, l);
    add_verdict_fields(s, p, v, l);
    add_power_fields(s, p, v, l);
    add_evacuation_fields(s, p, l);
    add_tables(m, p, v, l);
    if (l == Lang::Ja) {  // Japanese documents only (no English templates for them yet)
        add_card_fields(s, p);                    // help card and fridge sheet: card.*
        add_plan_fields(m, p, v, document_date);  // ventilator plan: ventilator.*, plan.*, plan row lists
    }
    return m;
}

namespace {

void erase_all(std::string& s, const std::string& what) {
    for (size_t at; !what.empty() && (at = s.find(what)) != std::string::npos;) s.erase(at, what.size());
}

void erase_quoted(FieldValue& v, const std::vector<std::string>& quoted) {
    for (const std::string& q : quoted) {
        erase_all(v.text, q);
        for (auto& item : v.list) erase_all(item, q);
    }
}

}  // namespace

void withdraw_planned_site(FieldModel& m, const Profile& p, const Verdict& v) {
    const std::string said = "前回の計画の避難先は使えなくなりました";
    m.scalars["verdict.planned_shelter"] = text(said);
    m.scalars["evacuation.shelter"] = text(said);
    // The reasons quote the site as found or as written: 「name」.
    std::vector<std::string> quoted;
    for (const std::string& name : {v.planned_shelter ? v.planned_shelter->name : std::string(), p.evacuation.shelter})
        if (!name.empty()) quoted.push_back("「" + name + "」");
    for (auto& [path, value] : m.scalars) erase_quoted(value, quoted);
    for (auto& [table, rows] : m.tables)
        for (Record& row : rows)
            for (auto& [column, value] : row) erase_quoted(value, quoted);
}

namespace {
// A choice's machine value and printed labels (the labels are checked
// against their column width when a template loads).
template <typename E>
void add_choice(FieldInfo& info, E v) {
    info.enum_values.push_back(to_string(v));
    info.enum_labels.push_back(label(v, Lang::Ja));
    info.enum_labels_en.push_back(label(v, Lang::En));
}

// Which paths and row lists the English model has: built the same way.
void mark_english(FieldSchema& schema, const Profile& p, const Verdict& v) {
    const FieldModel en = build_field_model(p, v, Date{2000, 1, 1}, Lang::En);
    for (auto& [k, info] : schema.scalars) info.english = en.scalars.count(k) > 0;
    for (auto& [table, cols] : schema.tables)
        for (auto& [k, info] : cols) info.english = en.tables.count(table) > 0;
}
}  // namespace

FieldSchema build_field_schema() {
    // Built from an empty profile so every key the builders emit is known.
    Profile p;
    Verdict v;
    FieldModel m = build_field_model(p, v, Date{2000, 1, 1});
    FieldSchema schema;
    for (const auto& [k, val] : m.scalars) schema.scalars[k] = FieldInfo{val.type, {}, {}, {}, false};
    auto columns = [](const Record& r) {
        std::map<std::string, FieldInfo> cols;
        for (const auto& [k, val] : r) cols[k] = FieldInfo{val.type, {}, {}, {}, false};
        return cols;
    };
    schema.tables["devices"] = columns(device_record(Device{}, Lang::Ja));
    schema.tables["medications"] = columns(medication_record(Medication{}));
    schema.tables["contacts"] = columns(contact_record(Contact{}, Lang::Ja));
    schema.tables["supporters"] = columns(supporter_record(Supporter{}));
    schema.tables["members"] = columns(member_record(HouseholdMember{}));
    schema.tables["power_backup"] = columns(backup_record(PowerBackup{}, Lang::Ja));
    schema.tables["charge_locations"] = columns(charge_record(ChargeLocation{}));
    schema.tables["reasons"] = columns(reason_record(Reason{}, v, Lang::Ja));
    add_plan_schema(schema);

    for (int i = 0; i <= static_cast<int>(ContactRole::Other); ++i)
        add_choice(schema.tables["contacts"]["role"], static_cast<ContactRole>(i));
    for (int i = 0; i <= static_cast<int>(DeviceKind::Other); ++i)
        add_choice(schema.tables["devices"]["kind"], static_cast<DeviceKind>(i));
    for (int i = 0; i <= static_cast<int>(BackupKind::Other); ++i)
        add_choice(schema.tables["power_backup"]["kind"], static_cast<BackupKind>(i));
    for (int i = 0; i <= static_cast<int>(Sex::Other); ++i)
        add_choice(schema.scalars["person.sex"], static_cast<Sex>(i));
    for (int i = 0; i <= static_cast<int>(BuildingType::Other); ++i)
        add_choice(schema.scalars["household.building_type"], static_cast<BuildingType>(i));
    mark_english(schema, p, v);
    return schema;
}

const std::vector<std::string>& known_formats() {
    static const std::vector<std::string> k = {"text",  "date_ja",  "date_iso", "age",    "date_ja_age", "yes_no",
                                               "ari_nashi", "check", "hours", "watts", "wh", "kg", "metres", "distance",
                                               "floor", "number", "list", "lines"};
    return k;
}

bool format_known(const std::string& f) {
    return f.empty() || std::find(known_formats().begin(), known_formats().end(), f) != known_formats().end();
}

bool format_applies(const std::string& f, ValueType t) {
    if (f.empty() || f == "text") return true;
    if (f == "date_ja" || f == "date_iso" || f == "date_ja_age") return t == ValueType::Date;
    if (f == "age") return t == ValueType::Date || t == ValueType::Number;
    if (f == "yes_no" || f == "ari_nashi" || f == "check") return t == ValueType::Bool;
    if (f == "list" || f == "lines") return t == ValueType::List;
    return t == ValueType::Number;  // hours watts wh kg metres distance floor number
}

std::vector<std::string> formats_for(ValueType t) {
    std::vector<std::string> out;
    for (const auto& f : known_formats())
        if (format_applies(f, t)) out.push_back(f);
    return out;
}

namespace {

// Numbers with a unit: the format names the unit, the word table its spelling.
std::string format_number(double value, const std::string& f, Lang l) {
    // Measured quantities print to one decimal at most (22.64 h -> 22.6).
    bool one_decimal = f == "hours" || f == "watts" || f == "wh" || f == "kg";
    std::string n = plain_number(one_decimal ? std::round(value * 10) / 10 : value);
    static const std::pair<const char*, Word> kUnits[] = {{"hours", Word::Hours},  {"watts", Word::Watts},
                                                          {"wh", Word::WattHours}, {"kg", Word::Kilograms},
                                                          {"metres", Word::Metres}, {"floor", Word::Floor},
                                                          {"age", Word::Age}};
    if (f == "distance") return distance_text(value, l);
    for (const auto& [name, w] : kUnits)
        if (f == name) return phrase(w, l, {{"n", n}});
    return n;
}

std::string format_date(const Date& d, const std::string& f, const Date& doc_date, Lang l) {
    if (f == "date_iso") return d.iso();
    const std::string age = std::to_string(age_on(d, doc_date));
    if (f == "age") return phrase(Word::Age, l, {{"n", age}});
    const std::string long_date = l == Lang::En ? d.english() : d.japanese();
    if (f == "date_ja_age") return phrase(Word::DateWithAge, l, {{"date", long_date}, {"n", age}});
    return long_date;
}

}  // namespace

std::string format_value(const FieldValue& v, const std::string& f, const Date& doc_date, Lang l) {
    if (!v.present) return "";
    switch (v.type) {
        case ValueType::Text: return v.text;
        case ValueType::Enum: return v.text;
        case ValueType::Bool:
            if (f == "ari_nashi") return word(v.flag ? Word::Present : Word::Absent, l);
            return word(v.flag ? Word::Yes : Word::No, l);
        case ValueType::List:
            if (f == "lines") {
                std::string out;
                for (const auto& i : v.list) out += (out.empty() ? "" : "\n") + word(Word::Bullet, l) + i;
                return out;
            }
            return join(v.list, word(Word::ListSeparator, l));
        case ValueType::Date: return format_date(v.date, f, doc_date, l);
        case ValueType::Number: return format_number(v.number, f, l);
    }
    return "";
}

}  // namespace sheetgen::render
