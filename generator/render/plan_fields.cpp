#include "render/plan_fields.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "render/plan_chart.hpp"
#include "render/plan_supplies.hpp"
#include "risk/power.hpp"

namespace sheetgen::render {

using namespace value;

namespace {

std::string h(double hours) { return format_hours(hours) + "時間"; }
std::string period(std::optional<double> a, std::optional<double> b) {
    if (!a || !b) return "未使用";
    return format_hours(*a) + "〜" + format_hours(*b) + "時間";
}

std::string wh(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.0f", std::round(v));
    std::string s = buf;
    for (int i = static_cast<int>(s.size()) - 3; i > 0; i -= 3) s.insert(static_cast<size_t>(i), ",");
    return s + "Wh";
}

std::string device_label(const Device& d) { return d.name.empty() ? label_ja(d.kind) : d.name; }

const Device* first_ventilator(const Profile& p) {
    for (const auto& d : p.devices)
        if (d.kind == DeviceKind::Ventilator) return &d;
    return nullptr;
}

std::string contact_text(const Profile& p, ContactRole role) {
    std::vector<std::string> out;
    for (const auto& c : p.contacts)
        if (c.role == role) out.push_back(join({c.organisation, c.name, c.phone}, " "));
    return join(out, "／");
}

// Where the household goes: the usable planned shelter, the welfare shelter,
// relatives; the suggestion when the plan names nothing usable.
std::string destination(const Profile& p, const Verdict& v) {
    std::vector<std::string> d;
    if (v.planned_shelter && v.planned_shelter_status == ShelterStatus::Ok) d.push_back(v.planned_shelter->name);
    if (!p.evacuation.welfare_shelter.empty()) d.push_back(p.evacuation.welfare_shelter + "（福祉避難所）");
    else if (v.suggested_welfare) d.push_back(v.suggested_welfare->name + "（福祉避難所）");
    if (!p.evacuation.alternative.empty()) d.push_back(p.evacuation.alternative);
    if (d.empty() && v.suggested_shelter) d.push_back(v.suggested_shelter->name);
    return d.empty() ? "避難先（未定：市と相談）" : join(d, "・");
}

// ---- row builders (also used with empty input for the schema) -------------

Record source_row(const std::string& source, const std::string& step, const std::string& capacity,
                  const std::string& per, double hours, bool used) {
    return {{"source", text(source)}, {"step", text(step)}, {"capacity", text(capacity)},
            {"period", text(per)},    {"hours", number(hours, used)}};
}

Record step_row(const std::string& step, const std::string& title, const std::string& detail, const std::string& per,
                const std::string& action) {
    return {{"step", text(step)}, {"title", text(title)}, {"detail", text(detail)}, {"period", text(per)},
            {"action", text(action)}};
}

Record alert_row(const std::string& level, const std::string& trigger, const std::string& action) {
    return {{"level", text(level)}, {"trigger", text(trigger)}, {"action", text(action)}};
}

Record supply_row(const SupplyItem& s) {
    std::string per = s.per_day > 0 ? std::to_string(s.per_day) + s.unit + "/日" : "—";
    return {{"category", text(s.category)},
            {"item", text(s.item)},
            {"per_day", text(s.item.empty() ? "" : per)},
            {"carry", text(s.item.empty() ? "" : supply_quantity(s, s.carry))},
            {"home", text(s.item.empty() ? "" : supply_quantity(s, s.home))},
            {"carry_count", number(s.carry, s.counted && s.carry > 0)},
            {"home_count", number(s.home, s.counted && s.home > 0)},
            {"basis", text(s.basis)},
            {"stock", text(supply_stock(s))},
            {"stock_short", boolean(s.stock && s.counted && *s.stock < std::max(s.home, s.carry))}};
}

Record shortfall_row(const Shortfall& s, const PowerTimeline& tl) {
    std::string result, fallback;
    if (s.missing_h > 0) result = "約" + h(s.missing_h) + "不足：追加の電源 約" + wh(s.extra_wh) + "（定格）";
    else if (s.extra_wh > 0.5) result = "生命維持の機器は足りる（他の機器用に約" + wh(s.extra_wh) + "）";
    else if (!s.code.empty()) result = "足りる";
    std::vector<std::string> fb, devs;
    for (size_t i : s.devices_short) {
        const auto& d = tl.devices.at(i);
        fb.push_back(d.name_ja + "（" + h(d.runtime_h) + "で停止）→ " + (d.manual_fallback.empty() ? "代替手段を記入" : d.manual_fallback));
        devs.push_back(d.name_ja + "（" + h(d.runtime_h) + "）");
    }
    return {{"target", text(s.label_ja)},
            {"target_hours", number(s.target_h, !s.code.empty())},
            {"missing_hours", number(s.missing_h, s.missing_h > 0)},
            {"extra_wh", number(s.extra_wh, s.extra_wh > 0.5)},
            {"result", text(result)},
            {"fallbacks", text(join(fb, "\n"))},
            {"devices", text(join(devs, "、"))}};
}

// ---- the tables -------------------------------------------------------------

std::vector<Record> power_sources(const Profile& p, const PowerTimeline& tl) {
    std::vector<Record> rows;
    for (const auto& dp : tl.devices) {
        const Device& d = p.devices[dp.device_index];
        for (const auto& seg : dp.segments) {
            std::string cap;
            if (seg.step == PowerStep::InternalBattery) cap = h(d.internal_battery_h);
            else if (seg.step == PowerStep::ExternalBattery)
                cap = std::to_string(d.external_battery_count) + "個×" + h(d.external_battery_h);
            else continue;
            if (dp.duty < 1) {
                char buf[32];
                std::snprintf(buf, sizeof buf, "%g", std::round(d.hours_per_day * 10) / 10);
                cap += "（1日" + std::string(buf) + "時間使用）";
            }
            rows.push_back(source_row(device_label(d) + " " + seg.label_ja, step_name(seg.step), cap,
                                      period(seg.start_h, seg.end_h), seg.end_h - seg.start_h, true));
        }
        if (dp.segments.empty() || dp.own_battery_h <= 0)
            rows.push_back(source_row(device_label(d) + " バッテリー", "—", "なし", "停電と同時に共用の電源が必要", 0, false));
    }
    std::vector<bool> counted(p.power_backup.size(), false);
    for (const auto& s : tl.sources) {
        counted[s.backup_index] = true;
        const PowerBackup& b = p.power_backup[s.backup_index];
        std::string cap;
        if (s.energy_based) cap = wh(b.capacity_wh) + "（効率" + format_hours(s.usable_wh / std::max(b.capacity_wh, 1e-9) * 100) + "% → 使用可能 " + wh(s.usable_wh) + "）";
        else if (s.assumed_hours) cap = "容量の記入なし：" + h(s.hours) + "と仮定";
        else cap = "燃料で" + h(s.hours) + (b.fuel.empty() ? "" : "（" + b.fuel + "）");
        std::string name = b.model.empty() ? s.label_ja : (b.model.find(s.label_ja) != std::string::npos ? b.model : s.label_ja + " " + b.model);
        bool used = s.start_h && s.end_h;
        rows.push_back(source_row(name, step_name(s.step), cap, period(s.start_h, s.end_h),
                                  used ? *s.end_h - *s.start_h : 0, used));
    }
    for (size_t i = 0; i < p.power_backup.size(); ++i) {
        if (counted[i] || tl.empty()) continue;
        const PowerBackup& b = p.power_backup[i];
        std::string name = join({label_ja(b.kind), b.model}, " ");
        std::string why = b.kind == BackupKind::Generator ? "燃料で動かせる時間（fuel_hours）の記入なし" : "容量（capacity_wh）の記入なし";
        rows.push_back(source_row(name, "—", why, "計算に含めず", 0, false));
    }
    return rows;
}

std::vector<Record> power_steps(const Profile& p, const Verdict& v, const PowerTimeline& tl) {
    std::vector<Record> rows;
    const DevicePower* lim = tl.limiting_device ? &tl.devices[*tl.limiting_device] : nullptr;
    auto lim_period = [&](PowerStep st) -> std::string {
        if (!lim) return "";
        for (const auto& s : lim->segments)
            if (s.step == st) return period(s.start_h, s.end_h);
        return "—";
    };
    std::string pc = contact_text(p, ContactRole::PowerCompany);

    std::vector<std::string> internal, external;
    for (const auto& dp : tl.devices) {
        const Device& d = p.devices[dp.device_index];
        std::string extra = dp.duty < 1 ? "（使用時間から約" + h(d.internal_battery_h / dp.duty) + "もつ）" : "";
        if (d.internal_battery_h > 0) internal.push_back(device_label(d) + " " + h(d.internal_battery_h) + extra);
        if (d.external_battery_count > 0 && d.external_battery_h > 0)
            external.push_back(device_label(d) + " " + std::to_string(d.external_battery_count) + "個×" + h(d.external_battery_h));
    }
    rows.push_back(step_row("STEP0", "機器の内部バッテリー", internal.empty() ? "内部バッテリーなし" : join(internal, "、"),
                            lim_period(PowerStep::InternalBattery),
                            "アラームと表示でバッテリー運転に切り替わったことを確認し、停電の開始時刻を記録する。"
                            "電力会社に復旧の見込みを確認する" + (pc.empty() ? std::string("。") : "（" + pc + "）。")));
    rows.push_back(step_row("STEP1", "外部バッテリー", external.empty() ? "なし（主治医・業者と購入を相談）" : join(external, "、"),
                            lim_period(PowerStep::ExternalBattery),
                            external.empty() ? "外部バッテリーがないため、STEP2以降の電源へ早めに切り替える。"
                                             : "内部バッテリーが尽きる前に外部バッテリーをつなぐ。残量は1時間ごとに確認し、使い終えたものは充電場所で充電する。"));
    auto sources_of = [&](PowerStep st) {
        std::vector<std::string> d;
        std::vector<std::string> per;
        for (const auto& s : tl.sources) {
            if (s.step != st) continue;
            const PowerBackup& b = p.power_backup[s.backup_index];
            std::string name = b.model.empty() ? s.label_ja : b.model;
            if (s.energy_based) name += "（使用可能 " + wh(s.usable_wh) + "）";
            else name += "（" + h(s.hours) + (s.assumed_hours ? "と仮定" : "") + "）";
            d.push_back(name);
            per.push_back(period(s.start_h, s.end_h));
        }
        return std::make_pair(join(d, "、"), join(per, "、"));
    };
    auto [ps, ps_per] = sources_of(PowerStep::PowerStation);
    rows.push_back(step_row("STEP2", "ポータブル電源", ps.empty() ? "なし（購入・助成を市に相談）" : ps, ps.empty() ? "—" : ps_per,
                            ps.empty() ? "ポータブル電源がないため、車・発電機・充電場所を使う。"
                                       : "人工呼吸器を優先してつなぐ。他の機器は必要なときだけつなぐ。満充電を月1回確認する。"));
    auto [car, car_per] = sources_of(PowerStep::CarInverter);
    rows.push_back(step_row("STEP3", "車からの給電", car.empty() ? "なし" : car, car.empty() ? "—" : car_per,
                            car.empty() ? "車から給電できる場合は、インバーターと接続ケーブルを準備しておく。"
                                        : "車を屋外の風通しのよい場所に置き、エンジンをかけてインバーターから給電する（排気ガス・一酸化炭素中毒に注意、燃料は満タンを保つ）。"));
    auto [gen, gen_per] = sources_of(PowerStep::Generator);
    rows.push_back(step_row("STEP4", "発電機", gen.empty() ? "なし" : gen, gen.empty() ? "—" : gen_per,
                            gen.empty() ? "発電機はない。電源が尽きる前に充電場所・入院を検討する。"
                                        : "発電機は必ず屋外で使う（室内・車庫内は一酸化炭素中毒の危険）。燃料の備蓄を確認する。"));
    std::vector<std::string> fb;
    for (const auto& dp : tl.devices)
        fb.push_back(dp.name_ja + " → " + (dp.manual_fallback.empty() ? "（代替手段を記入）" : dp.manual_fallback));
    std::vector<std::string> places;
    for (const auto& c : p.evacuation.charge_locations) places.push_back(c.name);
    std::string action = "手動の代替に切り替える。";
    if (!places.empty()) action += "充電場所（" + join(places, "、") + "）でバッテリーを充電する。";
    action += "主治医・訪問看護に連絡し、入院や電源のある避難先（" + destination(p, v) + "）への移動を相談する。";
    rows.push_back(step_row("電源が尽きたら", "手動の代替・充電・移動", join(fb, "\n"),
                            tl.empty() ? "—" : "約" + h(tl.runtime_h) + "後", action));
    return rows;
}

std::vector<Record> alert_actions(const Profile& p, const Verdict& v, const PowerTimeline& tl, int home_days) {
    std::string dest = destination(p, v);
    std::string transport = p.evacuation.transport.empty() ? "移動手段（未定）" : p.evacuation.transport;
    std::string helpers = p.evacuation.helpers_needed > 0 ? "支援者" + std::to_string(p.evacuation.helpers_needed) + "人" : "支援者";
    std::string runtime = tl.empty() ? "" : "約" + h(tl.runtime_h);
    std::string iso = v.exposure.duration ? h(isolation_hours(*v.exposure.duration)) : "";
    const int storeys = p.household.storeys, floor = std::min(p.household.living_floor, p.household.sleeping_floor);
    std::string upper = storeys > floor ? std::to_string(std::min(storeys, floor + 1)) + "階以上の上階" : "近くの頑丈な建物の上階";
    std::vector<Record> rows;
    rows.push_back(alert_row("事前の備え", "台風・大雨の予報、早期注意情報（警戒レベル1・2）",
                             "外部バッテリー・ポータブル電源を満充電にし、持ち出し品（" + std::to_string(kCarryDays) +
                                 "日分）を確認する。" + transport + "を予約し、" + helpers + "に予定を伝える。"));
    std::string l3, l4, l5 = "すでに災害が発生・切迫している。外への移動は危険：" + upper + "など少しでも安全な場所で命を守る行動をとり、119番・主治医に連絡する。";
    switch (v.level) {
        case Priority::A:
            l3 = "【避難開始（判定A）】" + helpers + "に連絡し、" + transport + "で" + dest + "へ移動する。人工呼吸器・バッテリー・持ち出し品を持つ。";
            l4 = "避難を終えている段階。まだ自宅にいる場合は直ちに" + dest + "へ避難する。移動が危険なときは" + upper + "へ。";
            break;
        case Priority::B:
            l3 = "避難の準備を整え、" + helpers + "と" + transport + "に連絡する。移動に時間がかかるため、夜間や暴風が予想されるときはこの段階で避難を始める。";
            l4 = "【立退き避難（判定B）】" + transport + "で" + dest + "へ避難する。";
            break;
        case Priority::C:
            l3 = "【在宅・垂直避難の準備（判定C）】居室は浸水しない想定だが周囲が浸水して孤立する" +
                 (iso.empty() ? std::string("") : "（最長" + iso + "）") + "。電源は" + (runtime.empty() ? "—" : runtime) +
                 "分。物品・燃料を" + std::to_string(home_days) + "日分確認する。";
            l4 = "上階にとどまり在宅避難する。電源が孤立の時間に足りないときや体調に不安があるときは、明るいうちに" + dest + "へ立退き避難する。";
            l5 = "上階で安全を確保し、外に出ない。人工呼吸器の電源を最優先で確保する。";
            break;
        case Priority::D:
            l3 = "想定区域外。停電に備えて充電と物品を確認し、情報を集める。";
            l4 = "周囲の状況に応じて避難する。停電が長引くときは充電場所や入院を主治医と相談する。";
            break;
    }
    rows.push_back(alert_row("警戒レベル3", "高齢者等避難", l3));
    rows.push_back(alert_row("警戒レベル4", "避難指示", l4));
    rows.push_back(alert_row("警戒レベル5", "緊急安全確保", l5));
    return rows;
}

}  // namespace

void add_plan_fields(FieldModel& m, const Profile& p, const Verdict& v, const Date& /*document_date*/) {
    Record& s = m.scalars;
    const Device* vent = first_ventilator(p);
    Device none;
    const Device& d = vent ? *vent : none;
    VentilatorSettings vs = d.settings.value_or(VentilatorSettings{});
    s["ventilator.name"] = text(vent ? device_label(d) : "");
    s["ventilator.model"] = text(d.model);
    s["ventilator.mode"] = text(vs.mode);
    s["ventilator.rate"] = text(vs.rate);
    s["ventilator.tidal_volume"] = text(vs.tidal_volume);
    s["ventilator.inspiratory_pressure"] = text(vs.inspiratory_pressure);
    s["ventilator.peep"] = text(vs.peep);
    s["ventilator.oxygen"] = text(vs.oxygen);
    s["ventilator.settings_other"] = text(vs.other);
    s["ventilator.circuit"] = text(d.circuit);
    s["ventilator.humidifier"] = text(d.humidifier);
    s["ventilator.vendor_phone_24h"] = text(d.vendor_phone_24h);
    s["ventilator.maintenance_contact"] = text(d.maintenance_contact);
    s["ventilator.manual_fallback"] = text(d.manual_fallback);
    s["ventilator.hours_per_day"] = number(d.hours_per_day, vent && d.hours_per_day > 0);
    s["ventilator.watts"] = number(d.watts, vent && d.watts > 0);
    std::string batt;
    if (d.internal_battery_h > 0) batt = "内部 " + h(d.internal_battery_h);
    if (d.external_battery_count > 0 && d.external_battery_h > 0)
        batt += std::string(batt.empty() ? "" : "＋") + "外部 " + std::to_string(d.external_battery_count) + "個×" +
                h(d.external_battery_h) + "（計" + h(d.internal_battery_h + d.external_battery_count * d.external_battery_h) + "）";
    s["ventilator.batteries"] = text(batt);

    PowerTimeline tl = model_power(p);
    SupplyPlan supplies = plan_supplies(p, v, tl);
    RuntimeChart chart = build_runtime_chart(p, tl, v.exposure.duration);
    s["plan.runtime_hours"] = number(tl.runtime_h, !tl.empty());
    s["plan.limiting_device"] = text(tl.limiting_device ? tl.devices[*tl.limiting_device].name_ja : "");
    s["plan.average_watts"] = number(tl.average_w, tl.average_w > 0);
    s["plan.peak_watts"] = number(tl.peak_w, tl.peak_w > 0);
    bool iso = v.exposure.duration.has_value();
    s["plan.isolation_hours"] = number(iso ? isolation_hours(*v.exposure.duration) : 0, iso);
    s["plan.carry_days"] = number(supplies.carry_days, true);
    s["plan.home_days"] = number(supplies.home_days, true);
    s["plan.power_company"] = text(contact_text(p, ContactRole::PowerCompany));
    s["plan.visiting_nurse"] = text(contact_text(p, ContactRole::VisitingNurse));
    s["plan.destination"] = text(destination(p, v));
    std::vector<std::string> fb, notes, shorts;
    for (const auto& dp : tl.devices)
        fb.push_back(dp.name_ja + " → " + (dp.manual_fallback.empty() ? "（代替手段を記入）" : dp.manual_fallback));
    for (const auto& n : tl.notes) notes.push_back(n.ja);
    s["plan.fallbacks"] = list(fb);
    s["plan.power_notes"] = list(notes);
    std::vector<std::string> devs;
    for (const auto& dp : tl.devices) {
        char buf[64];
        std::snprintf(buf, sizeof buf, "%.0fW", p.devices[dp.device_index].watts);
        devs.push_back(dp.name_ja + (dp.load_known ? std::string(" ") + buf : " 消費電力不明") + (dp.critical ? "（生命維持）" : ""));
    }
    s["plan.power_devices"] = list(devs);

    m.tables["power_sources"] = power_sources(p, tl);
    m.tables["power_steps"] = power_steps(p, v, tl);
    m.tables["alert_actions"] = alert_actions(p, v, tl, supplies.home_days);
    std::vector<Record> sup;
    for (const auto& i : supplies.items) sup.push_back(supply_row(i));
    m.tables["supplies"] = std::move(sup);
    std::vector<Record> sf;
    for (const auto& x : chart.shortfalls) sf.push_back(shortfall_row(x, tl));
    m.tables["shortfalls"] = std::move(sf);
}

void add_plan_schema(FieldSchema& schema) {
    auto columns = [](const Record& r) {
        std::map<std::string, FieldInfo> cols;
        for (const auto& [k, val] : r) cols[k] = FieldInfo{val.type, {}};
        return cols;
    };
    PowerTimeline empty;
    schema.tables["power_sources"] = columns(source_row("", "", "", "", 0, false));
    schema.tables["power_steps"] = columns(step_row("", "", "", "", ""));
    schema.tables["alert_actions"] = columns(alert_row("", "", ""));
    schema.tables["supplies"] = columns(supply_row(SupplyItem{}));
    schema.tables["shortfalls"] = columns(shortfall_row(Shortfall{}, empty));
}

}  // namespace sheetgen::render
