#include "render/fields.hpp"

#include <algorithm>
#include <set>
#include <cmath>
#include <cstdio>

#include "common/utf8.hpp"
#include "render/card_fields.hpp"
#include "render/plan_fields.hpp"

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

FieldValue enumeration(const char* key, const char* label, bool present = true) {
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

std::string distance_text(double m) {
    char buf[64];
    if (m < 1000)
        std::snprintf(buf, sizeof buf, "%.0fm", std::round(m / 10) * 10);
    else
        std::snprintf(buf, sizeof buf, "%.1fkm", m / 1000);
    return buf;
}


std::string device_name(const Device& d) { return d.name.empty() ? label_ja(d.kind) : d.name; }

Record device_record(const Device& d) {
    Record r;
    r["kind"] = enumeration(to_string(d.kind), label_ja(d.kind));
    r["name"] = text(device_name(d));
    r["model"] = text(d.model);
    r["hours_per_day"] = number(d.hours_per_day, d.hours_per_day > 0);
    r["watts"] = number(d.watts, d.watts > 0);
    r["internal_battery_h"] = number(d.internal_battery_h, d.internal_battery_h > 0);
    r["external_battery_count"] = number(d.external_battery_count, d.external_battery_count > 0);
    r["external_battery_h"] = number(d.external_battery_h, d.external_battery_h > 0);
    std::string ext;
    if (d.external_battery_count > 0)
        ext = std::to_string(d.external_battery_count) + "個×" + plain_number(d.external_battery_h) + "時間";
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

Record contact_record(const Contact& c) {
    return {{"role", enumeration(to_string(c.role), label_ja(c.role))},
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

Record backup_record(const PowerBackup& b) {
    return {{"kind", enumeration(to_string(b.kind), label_ja(b.kind))},
            {"model", text(b.model)},
            {"capacity_wh", number(b.capacity_wh, b.capacity_wh > 0)},
            {"output_w", number(b.output_w, b.output_w > 0)},
            {"fuel", text(b.fuel)},
            {"fuel_hours", number(b.fuel_hours, b.fuel_hours > 0)}};
}

Record charge_record(const ChargeLocation& c) {
    return {{"name", text(c.name)}, {"address", text(c.address)}, {"notes", text(c.notes)}};
}

Record reason_record(const Reason& r) { return {{"code", text(r.code)}, {"text", text(r.ja)}}; }

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

std::string depth_text(const Exposure& e) {
    if (!e.in_flood_zone) return "浸水想定区域外";
    if (!e.depth) return "浸水想定区域内（深さ不明）";
    return e.depth->label_ja();
}

// One scenario's class, after its name: 「0.5m以上3.0m未満」「区域内・深さ不明」「区域外」.
std::string scenario_depth_text(const ScenarioDepth& d) {
    if (!d.in_zone) return "区域外";
    return d.depth ? d.depth->label_ja() : "区域内・深さ不明";
}

// The depth with its scenario: 「3.0m以上5.0m未満（想定最大規模）」; when the
// config loads both scenarios, the deciding one first and the other in
// brackets: 「想定最大規模 3.0m以上5.0m未満（計画規模 0.5m以上3.0m未満）」.
std::string depth_label(const Exposure& e) {
    const std::string scenario = label_ja(e.depth_scenario);
    if (!e.in_flood_zone || (e.scenario_depths.empty() && scenario.empty())) return depth_text(e);
    if (e.scenario_depths.empty()) return depth_text(e) + "（" + scenario + "）";
    std::vector<std::string> others;
    for (const ScenarioDepth& d : e.scenario_depths)
        if (d.scenario != e.depth_scenario) others.push_back(std::string(label_ja(d.scenario)) + " " + scenario_depth_text(d));
    return (scenario.empty() ? "" : scenario + " ") + depth_text(e) + "（" + join(others, "、") + "）";
}

std::string shelter_line(const std::optional<ShelterSuggestion>& s) { return s ? s->name : std::string(); }

// "多摩市総合福祉センター（福祉避難所・約1.2km）" for each accepted destination of a role.
std::vector<std::string> destination_lines(const Verdict& v, DestinationRole role) {
    std::vector<std::string> out;
    for (const auto& d : v.destinations) {
        if (d.role != role) continue;
        std::string extra = d.kind_ja;
        if (d.distance_m) extra += (extra.empty() ? "" : "・") + format_distance_ja(*d.distance_m);
        if (role == DestinationRole::Stay && d.power == true) extra += "・電源あり";
        out.push_back(d.name + (extra.empty() || role == DestinationRole::Upstairs ? "" : "（" + extra + "）"));
    }
    return out;
}

// When to leave, in words: a tsunami warning does not wait for any level.
std::string start_text_ja(const Verdict& v) {
    const std::string level =
        v.start_alert_level ? "警戒レベル" + std::to_string(*v.start_alert_level) + "（高齢者等避難）で出発" : "";
    if (v.leave_immediately)
        return "津波警報・大津波警報が出たらただちに高い所へ" + (level.empty() ? "" : "／洪水等は" + level);
    return level.empty() ? "—（自宅にとどまる）" : level;
}

void add_action_fields(Record& s, const Verdict& v) {
    s["verdict.action"] = enumeration(to_string(v.action), action_label_ja(v).c_str());
    s["verdict.start_alert_level"] = text(start_text_ja(v));
    std::string sf;
    if (v.safe_floor) {
        sf = std::to_string(*v.safe_floor) + "階以上" + (v.safe_floor_assumed ? "（深さ不明のため5mと仮定）" : "");
        if (v.has("no_safe_floor_in_building")) sf += "：この建物にはない";
    } else if (v.has("no_safe_floor")) {
        sf = "目安なし（深い浸水）";
    }
    s["verdict.safe_floor"] = text(sf);
    std::vector<std::string> stay = destination_lines(v, DestinationRole::Stay);
    if (stay.empty() && v.has("no_stay_destination")) stay.push_back("未定：市・主治医と受入れ先を調整");
    s["verdict.stay_destination"] = list(stay);
    s["verdict.flee_site"] = list(destination_lines(v, DestinationRole::FleeWhenLate));
    s["verdict.welfare_to_arrange"] = list(destination_lines(v, DestinationRole::ToArrange));
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

void add_person_fields(Record& s, const Profile& p, const Date& document_date) {
    const Person& per = p.person;
    s["person.name"] = text(per.name);
    s["person.kana"] = text(per.kana);
    s["person.birthdate"] = date(per.birthdate);
    bool has_birth = per.birthdate.year > 0;
    s["person.age"] = number(has_birth ? age_on(per.birthdate, document_date) : 0, has_birth);
    s["person.sex"] = enumeration(to_string(per.sex), per.sex == Sex::Unknown ? "" : label_ja(per.sex), per.sex != Sex::Unknown);
    s["person.blood_type"] = text(per.blood_type);
    s["person.weight_kg"] = number(per.weight_kg.value_or(0), per.weight_kg.has_value());
    s["person.diagnoses"] = list(per.diagnoses);
    std::vector<std::string> needs;
    for (CareNeed c : per.care_needs) needs.push_back(label_ja(c));
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

void add_household_fields(Record& s, const Profile& p) {
    const Household& h = p.household;
    s["household.id"] = text(p.id);
    s["household.address"] = text(h.address);
    s["household.district"] = text(h.district);
    char loc[64];
    std::snprintf(loc, sizeof loc, "%.5f, %.5f", h.location.lat, h.location.lon);
    s["household.location"] = text(loc);
    s["household.building_type"] = enumeration(to_string(h.building_type), label_ja(h.building_type));
    s["household.storeys"] = number(h.storeys);
    s["household.living_floor"] = number(h.living_floor);
    s["household.sleeping_floor"] = number(h.sleeping_floor);
    s["household.elevator"] = boolean(h.elevator);
    std::string building = std::string(label_ja(h.building_type)) + " " + std::to_string(h.storeys) + "階建";
    if (h.building_type != BuildingType::Detached) building += h.elevator ? "（エレベーターあり）" : "（エレベーターなし）";
    s["household.building"] = text(building);
    std::string floors = "居室 " + std::to_string(h.living_floor) + "階";
    if (h.sleeping_floor != h.living_floor) floors += "・就寝 " + std::to_string(h.sleeping_floor) + "階";
    s["household.floors"] = text(floors);
    std::vector<std::string> members;
    for (const auto& mb : h.members) {
        std::string t = join({mb.relation, mb.name}, " ");
        if (mb.age) t += "（" + std::to_string(*mb.age) + "歳）";
        if (!mb.notes.empty()) t += " " + mb.notes;
        members.push_back(t);
    }
    s["household.members"] = list(members);

}

void add_exposure_fields(Record& s, const Exposure& e) {
    s["exposure.in_flood_zone"] = boolean(e.in_flood_zone);
    s["exposure.depth"] = text(depth_text(e));
    s["exposure.depth_label"] = text(depth_label(e));
    s["exposure.depth_scenario"] = text(label_ja(e.depth_scenario));
    for (FloodScenario sc : {FloodScenario::Planned, FloodScenario::Maximum}) {
        const ScenarioDepth* d = e.scenario_depth(sc);
        s[std::string("exposure.depth_") + to_string(sc)] = text(d ? scenario_depth_text(*d) : "");
    }
    s["exposure.duration"] = text(e.duration ? e.duration->label_ja() : (e.in_duration_zone ? "区域内（時間不明）" : "—"));
    std::string collapse = "該当なし";
    if (e.in_house_collapse) {
        collapse = "該当";
        if (e.house_collapse_type == "flood_flow") collapse += "（氾濫流）";
        else if (e.house_collapse_type == "bank_erosion") collapse += "（河岸侵食）";
    }
    s["exposure.house_collapse"] = text(collapse);
    s["exposure.in_house_collapse"] = boolean(e.in_house_collapse);
    std::string landslide = e.in_landslide ? "該当" + (e.landslide_type.empty() ? std::string() : "（" + e.landslide_type + "）") : "該当なし";
    s["exposure.landslide"] = text(landslide);
    s["exposure.in_landslide"] = boolean(e.in_landslide);
    s["exposure.layers"] = list(e.layers_hit);

}

void add_verdict_fields(Record& s, const Profile& p, const Verdict& v) {
    s["verdict.level"] = text(to_string(v.level));
    s["verdict.level_label"] = text(label_ja(v.level));
    // The documents print the destinations and the safe floor in their own
    // rows and the model's notes under 計算上の注意, so the verdict box keeps
    // to the reasons that explain the action; all of them stay available.
    std::vector<std::string> reasons, all;
    for (const auto& r : v.reasons) {
        all.push_back(r.ja);
        static const std::set<std::string> shown_elsewhere = {"stay_destination", "flee_site", "safe_floor",
                                                              "power_runtime"};
        const ReasonGroup g = reason_catalogue()[std::min(reason_rank(r.code), reason_catalogue().size() - 1)].group;
        if (g != ReasonGroup::Note && !shown_elsewhere.count(r.code)) reasons.push_back(r.ja);
    }
    s["verdict.reasons"] = list(reasons);
    s["verdict.all_reasons"] = list(all);
    std::string planned = v.planned_shelter ? v.planned_shelter->name : p.evacuation.shelter;
    s["verdict.planned_shelter"] = text(planned);
    s["verdict.planned_shelter_status"] = text(planned_status_label(v));
    s["verdict.planned_shelter_distance"] = number(v.planned_shelter_distance_m.value_or(0), v.planned_shelter_distance_m.has_value());
    s["verdict.suggested_shelter"] = text(shelter_line(v.suggested_shelter));
    s["verdict.suggested_shelter_distance"] = number(v.suggested_shelter ? v.suggested_shelter->distance_m : 0, v.suggested_shelter.has_value());
    s["verdict.suggested_welfare"] = text(shelter_line(v.suggested_welfare));
    s["verdict.suggested_welfare_distance"] = number(v.suggested_welfare ? v.suggested_welfare->distance_m : 0, v.suggested_welfare.has_value());
    add_action_fields(s, v);
    s["verdict.review_overdue"] = boolean(v.review_overdue);
    s["verdict.consent_missing"] = boolean(v.consent_missing);

}

void add_power_fields(Record& s, const Profile& p, const Verdict& v) {
    s["power.hours"] = number(v.power_hours.value_or(0), v.power_hours.has_value());
    std::vector<std::string> backups;
    for (const auto& b : p.power_backup) {
        // "ポータブル電源 ポータブル電源 500Wh" reads badly: skip the kind when the model names it.
        std::string kind = label_ja(b.kind);
        std::string t = b.model.find(kind) != std::string::npos ? b.model : join({kind, b.model}, " ");
        // "ポータブル電源 500Wh" already says its capacity: do not print "500Wh" twice.
        const std::string wh = plain_number(b.capacity_wh) + "Wh";
        if (b.capacity_wh > 0 && t.find(wh) == std::string::npos) t += " " + wh;
        if (!b.fuel.empty()) t += "（" + b.fuel + "）";
        backups.push_back(t);
    }
    s["power.backup"] = list(backups);
    std::vector<std::string> dependent;
    for (const auto& d : p.devices)
        if (d.power_dependent) dependent.push_back(device_name(d));
    s["power.dependent_devices"] = list(dependent);

}

void add_evacuation_fields(Record& s, const Profile& p) {
    const Evacuation& ev = p.evacuation;
    s["evacuation.shelter"] = text(ev.shelter);
    s["evacuation.welfare_shelter"] = text(ev.welfare_shelter);
    s["evacuation.alternative"] = text(ev.alternative);
    s["evacuation.transport"] = text(ev.transport);
    s["evacuation.helpers_needed"] = number(ev.helpers_needed, ev.helpers_needed > 0);
    s["evacuation.notes"] = text(ev.notes);
    std::vector<std::string> sup;
    for (const auto& x : ev.supporters) sup.push_back(join({x.name, x.relation.empty() ? "" : "（" + x.relation + "）", x.phone}, " "));
    s["evacuation.supporters"] = list(sup);
    std::vector<std::string> charge;
    for (const auto& c : ev.charge_locations) charge.push_back(join({c.name, c.address, c.notes}, " "));
    s["evacuation.charge_locations"] = list(charge);

    s["consent.share_with_supporters"] = boolean(p.consent.share_with_supporters);
    s["consent.date"] = date(p.consent.date.value_or(Date{}));

}

// The row lists templates print as tables.
void add_tables(FieldModel& m, const Profile& p, const Verdict& v) {
    m.tables["devices"] = rows(p.devices, device_record);
    m.tables["medications"] = rows(p.person.medications, medication_record);
    m.tables["contacts"] = rows(p.contacts, contact_record);
    m.tables["supporters"] = rows(p.evacuation.supporters, supporter_record);
    m.tables["members"] = rows(p.household.members, member_record);
    m.tables["power_backup"] = rows(p.power_backup, backup_record);
    m.tables["charge_locations"] = rows(p.evacuation.charge_locations, charge_record);
    m.tables["reasons"] = rows(v.reasons, reason_record);
}

}  // namespace

// Every field a template can name, from the profile and the verdict (the
// names are the template vocabulary of docs/template-format.md).
FieldModel build_field_model(const Profile& p, const Verdict& v, const Date& document_date) {
    FieldModel m;
    Record& s = m.scalars;
    s["document.date"] = date(document_date);
    s["profile.id"] = text(p.id);
    s["profile.updated"] = date(p.updated);
    s["profile.review_date"] = date(add_months(p.updated, 12));
    add_person_fields(s, p, document_date);
    add_household_fields(s, p);
    add_exposure_fields(s, v.exposure);
    add_verdict_fields(s, p, v);
    add_power_fields(s, p, v);
    add_evacuation_fields(s, p);
    add_card_fields(s, p);  // help card and fridge sheet: card.*
    add_tables(m, p, v);
    add_plan_fields(m, p, v, document_date);  // ventilator plan: ventilator.*, plan.*, plan row lists
    return m;
}

namespace {
// A choice's machine value and printed label (the label is checked against
// its column width when a template loads).
template <typename E>
void add_choice(FieldInfo& info, E v) {
    info.enum_values.push_back(to_string(v));
    info.enum_labels.push_back(label_ja(v));
}
}  // namespace

FieldSchema build_field_schema() {
    // Built from an empty profile so every key the builders emit is known.
    Profile p;
    Verdict v;
    FieldModel m = build_field_model(p, v, Date{2000, 1, 1});
    FieldSchema schema;
    for (const auto& [k, val] : m.scalars) schema.scalars[k] = FieldInfo{val.type, {}, {}};
    auto columns = [](const Record& r) {
        std::map<std::string, FieldInfo> cols;
        for (const auto& [k, val] : r) cols[k] = FieldInfo{val.type, {}, {}};
        return cols;
    };
    schema.tables["devices"] = columns(device_record(Device{}));
    schema.tables["medications"] = columns(medication_record(Medication{}));
    schema.tables["contacts"] = columns(contact_record(Contact{}));
    schema.tables["supporters"] = columns(supporter_record(Supporter{}));
    schema.tables["members"] = columns(member_record(HouseholdMember{}));
    schema.tables["power_backup"] = columns(backup_record(PowerBackup{}));
    schema.tables["charge_locations"] = columns(charge_record(ChargeLocation{}));
    schema.tables["reasons"] = columns(reason_record(Reason{}));
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

std::string format_value(const FieldValue& v, const std::string& f, const Date& doc_date) {
    if (!v.present) return "";
    switch (v.type) {
        case ValueType::Text: return v.text;
        case ValueType::Enum: return v.text;
        case ValueType::Bool:
            if (f == "ari_nashi") return v.flag ? "あり" : "なし";
            return v.flag ? "はい" : "いいえ";
        case ValueType::List:
            if (f == "lines") {
                std::string out;
                for (const auto& i : v.list) out += (out.empty() ? "・" : "\n・") + i;
                return out;
            }
            return join(v.list, "、");
        case ValueType::Date:
            if (f == "date_iso") return v.date.iso();
            if (f == "age") return std::to_string(age_on(v.date, doc_date)) + "歳";
            if (f == "date_ja_age") return v.date.japanese() + "（" + std::to_string(age_on(v.date, doc_date)) + "歳）";
            return v.date.japanese();
        case ValueType::Number: {
            // Measured quantities print to one decimal at most (22.64 h -> 22.6).
            bool one_decimal = f == "hours" || f == "watts" || f == "wh" || f == "kg";
            std::string n = plain_number(one_decimal ? std::round(v.number * 10) / 10 : v.number);
            if (f == "hours") return n + "時間";
            if (f == "watts") return n + "W";
            if (f == "wh") return n + "Wh";
            if (f == "kg") return n + "kg";
            if (f == "metres") return n + "m";
            if (f == "distance") return distance_text(v.number);
            if (f == "floor") return n + "階";
            if (f == "age") return n + "歳";
            return n;
        }
    }
    return "";
}

}  // namespace sheetgen::render
