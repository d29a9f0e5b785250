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

// Places come from the verdict's accepted destinations only, so an action
// row can never send a family somewhere the verdict rejected.
std::string place(const Destination* d) {
    if (!d) return "";
    return d->name + (d->kind_ja.empty() || d->role == DestinationRole::Upstairs ? "" : "（" + d->kind_ja + "）");
}

// The stay destination when it has power for the devices, for blackout rows.
const Destination* powered_stay(const Verdict& v) {
    for (const auto& d : v.destinations)
        if (d.role == DestinationRole::Stay && d.power == true) return &d;
    return nullptr;
}

std::string destination(const Verdict& v) {
    std::vector<std::string> d;
    for (const auto& x : v.destinations)
        if (x.role == DestinationRole::Stay) d.push_back(place(&x));
    return d.empty() ? "" : join(d, "、");
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

// The blackout steps in the NCCHD order: external batteries, storage
// battery, car, generator; the internal battery is kept for moving.
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
    rows.push_back(step_row("停電直後", "状況の確認", "—", "0時間",
                            "機器がバッテリー運転に切り替わったこと（アラーム・表示）を確認し、停電の開始時刻を記録する。"
                            "電力会社に復旧の見込みを確認する" + (pc.empty() ? std::string("。") : "（" + pc + "）。")));

    std::vector<std::string> internal, external;
    for (const auto& dp : tl.devices) {
        const Device& d = p.devices[dp.device_index];
        if (d.internal_battery_h > 0) internal.push_back(device_label(d) + " " + h(d.internal_battery_h));
        if (d.external_battery_count > 0 && d.external_battery_h > 0)
            external.push_back(device_label(d) + " " + std::to_string(d.external_battery_count) + "個×" + h(d.external_battery_h));
    }
    rows.push_back(step_row("STEP1", "外部バッテリー", external.empty() ? "なし（主治医・業者と購入を相談）" : join(external, "、"),
                            lim_period(PowerStep::ExternalBattery),
                            external.empty() ? "外部バッテリーがないため、すぐにSTEP2以降の電源につなぐ。内部バッテリーは移動・緊急用に残す。"
                                             : "外部バッテリーで動かし、内部バッテリーは移動・緊急用に残す。残量は1時間ごとに確認し、"
                                               "空になったものは充電できる場所で充電する。"));
    auto sources_of = [&](PowerStep st) {
        std::vector<std::string> d, per;
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
    rows.push_back(step_row("STEP2", "蓄電池（ポータブル電源）", ps.empty() ? "なし（購入・助成を市に相談）" : ps, ps.empty() ? "—" : ps_per,
                            ps.empty() ? "蓄電池がないため、車・発電機・充電できる場所を使う。"
                                       : "生命維持の機器を優先してつなぐ。ほかの機器は必要なときだけつなぐ。満充電を月1回確認する。"));
    auto [car, car_per] = sources_of(PowerStep::CarInverter);
    std::string car_action = car.empty() ? "車から給電できる場合は、インバーターと接続ケーブルを準備しておく。"
                                         : "車を屋外の風通しのよい場所に置き、エンジンをかけてインバーターから給電する（排気ガス・一酸化炭素中毒に注意、燃料は満タンを保つ）。";
    if (!car.empty() && v.has("car_power_unusable_in_flood"))
        car_action += "浸水のおそれがあるときは車が水につかるため使えない。";
    rows.push_back(step_row("STEP3", "車からの給電", car.empty() ? "なし" : car, car.empty() ? "—" : car_per, car_action));
    auto [gen, gen_per] = sources_of(PowerStep::Generator);
    rows.push_back(step_row("STEP4", "発電機", gen.empty() ? "なし" : gen, gen.empty() ? "—" : gen_per,
                            gen.empty() ? "発電機はない。電源が尽きる前に、充電できる場所・受入れ先への移動を決める。"
                                        : "発電機は必ず屋外で使う（室内・車庫内は一酸化炭素中毒の危険）。燃料の備蓄を確認する。"));
    rows.push_back(step_row("予備", "機器の内部バッテリー", internal.empty() ? "内部バッテリーなし" : join(internal, "、"),
                            lim_period(PowerStep::InternalBattery),
                            "移動中と緊急時のために残しておく。ほかの電源が尽きてから使い、その間に移動・入院を決める。"));

    std::vector<std::string> fb, places;
    for (const auto& dp : tl.devices)
        fb.push_back(dp.name_ja + " → " + (dp.manual_fallback.empty() ? "（代替手段を記入）" : dp.manual_fallback));
    for (const auto& c : p.evacuation.charge_locations) places.push_back(c.name);
    std::string action = "手動の代替に切り替える。";
    if (!places.empty()) action += "充電できる場所（" + join(places, "、") + "）でバッテリーを充電する。";
    if (const Destination* d = powered_stay(v))
        action += "電源が尽きる前に、主治医・訪問看護と相談して" + place(d) + "へ移る。";
    else
        action += "電源のある受入れ先が決まっていないため、早めに主治医と市の担当課に連絡し、入院などの受入れ先を確認する。";
    rows.push_back(step_row("電源が尽きたら", "手動の代替・充電・移動", join(fb, "\n"),
                            tl.empty() ? "—" : "約" + h(tl.runtime_h) + "後", action));
    return rows;
}

// The model's assumptions, said on every plan (docs/ventilator-plan.md):
// what the runtime counts and what it leaves out.
std::vector<std::string> assumption_notes(const Profile& p, const Verdict& v, const PowerTimeline& tl) {
    std::vector<std::string> n;
    if (tl.empty()) return n;
    n.push_back("停電時間は、登録したすべての電源を使った場合の計算です（外部バッテリー→蓄電池→車→発電機の順、内部バッテリーは移動・緊急用として最後）。");
    if (v.flood_power_hours && std::fabs(*v.flood_power_hours - tl.runtime_h) > 1e-6)
        n.push_back("浸水時は自宅の車が水につかるため、車を除いて約" + h(*v.flood_power_hours) + "で計算しています。");
    for (const auto& dp : tl.devices) {
        const Device& d = p.devices[dp.device_index];
        if (dp.critical && d.hours_per_day > 0 && d.hours_per_day < 24)
            n.push_back(dp.name_ja + "は生命維持の機器のため、1日" + format_hours(d.hours_per_day) +
                        "時間の使用でも24時間動かし続ける前提で計算しています（実際より短めの見積もり）。");
    }
    if (v.outage_hours > 0)
        n.push_back("浸水すると地下の電気設備やエレベーターが止まるため、停電は約" + h(v.outage_hours) + "（最低7日間）続く想定です。");
    n.push_back("バッテリーの劣化や寒さによる低下は含めていません。実際の持続時間は、機器の表示と業者の説明で確認してください。");
    for (const auto& r : tl.notes) n.push_back(r.ja);
    return n;
}

struct AlertText {
    std::string prep, l3, l4, l5;
};

// Level 5 (緊急安全確保) when the family is still at home: the safe floor of
// its own building when the verdict accepted it, else generic life-saving
// advice that names no place.
std::string last_resort(const Verdict& v) {
    const Exposure& e = v.exposure;
    std::string s = "すでに災害が発生・切迫している。外への移動が危険なときは、";
    if (const Destination* up = v.first(DestinationRole::Upstairs))
        s += up->name + (up->name.rfind("自宅", 0) == 0 ? "にとどまり命を守る。" : "へ上がり命を守る。");
    else if (e.in_house_collapse) s += "家屋が倒壊・流失するおそれがあるため、近くの頑丈な建物の上階で命を守る。";
    else if (e.in_landslide) s += "崖から離れた側の、できるだけ高い階の部屋で命を守る。";
    else if (v.has("no_safe_floor_in_building") || v.has("no_safe_floor")) s += "この建物には浸水しない階がないため、近くの頑丈な建物の上階で命を守る。";
    else s += "少しでも安全な場所で命を守る。";
    return s + "119番・主治医に連絡する。";
}

AlertText leave_early_text(const Verdict& v, const std::string& transport, const std::string& helpers, int carry_days) {
    AlertText t;
    const Destination* stay = v.first(DestinationRole::Stay);
    const Destination* flee = v.first(DestinationRole::FleeWhenLate);
    std::string carry = "持ち出し品（" + std::to_string(carry_days) + "日分）";
    t.prep = "バッテリー・蓄電池を満充電にし、" + carry + "をまとめる。" + transport + "を予約し、" + helpers + "に予定を伝える。" +
             (stay ? place(stay) + "に連絡し、受入れを確認する。" : "受入れ先が決まっていないため、市の担当課と主治医に連絡する。");
    t.l3 = "【避難開始】" + helpers + "と一緒に、" + transport + "で" +
           (stay ? place(stay) + "へ移動する。" : "市の担当課・主治医と確認した受入れ先へ移動する（受入れ先は事前の調整が必要）。") +
           "医療機器・バッテリー・" + carry + "を持ち、暗くなる前・雨風が強まる前に出発する。";
    t.l4 = "避難を終えている段階。まだ自宅にいる場合は、直ちに" + (stay ? place(stay) : std::string("受入れ先")) + "へ向かう。" +
           (flee ? "移動の途中が危険なときは、" + place(flee) + "へ逃げる。" : "");
    t.l5 = last_resort(v);
    return t;
}

AlertText upstairs_text(const Verdict& v, const PowerTimeline& tl) {
    AlertText t;
    const Destination* home = v.first(DestinationRole::Upstairs);
    const std::string where = home ? home->name : "自宅";
    const std::string outage = h(v.outage_hours);
    t.prep = "電源（" + outage + "分）と備蓄（" + std::to_string(v.home_days) + "日分）を確認し、バッテリー・蓄電池を満充電にする。";
    t.l3 = "【" + where + "で屋内安全確保】浸水すると周囲が孤立し、約" + outage + "停電・断水し、エレベーターも止まる想定。" +
           "外に出ずにとどまる準備をし、支援者に自宅にとどまることを伝える。" +
           (tl.empty() ? std::string("") : "停電時の電源は約" + h(tl.runtime_h) + "分。");
    t.l4 = where + "にとどまる。体調や機器に不安があるときは、移動が危険になる前に主治医に相談する。";
    t.l5 = where + "から出ない。窓から離れ、機器の電源を最優先で確保する。119番・主治医に連絡する。";
    return t;
}

AlertText stay_home_text(const Verdict& v, const PowerTimeline& tl) {
    AlertText t;
    const bool unknown = v.action == FloodAction::NoHazardData;
    t.prep = "バッテリー・蓄電池を満充電にし、7日分の物品を確認する。";
    if (unknown)
        t.l3 = "この住所の浸水想定データがないため、ハザードマップで確認するまでは、避難の準備をして情報を集める。";
    else
        t.l3 = "この住まいは想定区域外。停電に備えて充電と物品を確認し、情報を集める。";
    t.l4 = "周囲の状況に注意し、自宅の安全な場所で過ごす。";
    if (!tl.empty() && v.life_sustaining && tl.runtime_h < kHomeTargetHours) {
        const Destination* d = powered_stay(v);
        t.l4 += "停電が続くときは、電源が尽きる（約" + h(tl.runtime_h) + "）前に" +
                (d ? place(d) + "へ移る。" : "主治医・市の担当課に連絡し、電源のある受入れ先を確認する。");
    }
    t.l5 = "すでに災害が発生・切迫している。自宅の安全な場所で命を守り、119番・主治医に連絡する。";
    return t;
}

std::vector<Record> alert_actions(const Profile& p, const Verdict& v, const PowerTimeline& tl, int carry_days) {
    std::string transport = p.evacuation.transport.empty() ? "移動手段（未定）" : p.evacuation.transport;
    std::string helpers = p.evacuation.helpers_needed > 0 ? "支援者" + std::to_string(p.evacuation.helpers_needed) + "人" : "支援者";
    AlertText t;
    switch (v.action) {
        case FloodAction::LeaveEarly: t = leave_early_text(v, transport, helpers, carry_days); break;
        case FloodAction::ShelterUpstairs: t = upstairs_text(v, tl); break;
        case FloodAction::StayHomePowerPlan:
        case FloodAction::NoHazardData: t = stay_home_text(v, tl); break;
    }
    return {alert_row("事前の備え", "台風・大雨の予報、早期注意情報（警戒レベル1・2）", t.prep),
            alert_row("警戒レベル3", "高齢者等避難", t.l3),
            alert_row("警戒レベル4", "避難指示", t.l4),
            alert_row("警戒レベル5", "緊急安全確保", t.l5)};
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
    s["plan.isolation_hours"] = number(v.outage_hours, v.outage_hours > 0);
    s["plan.flood_runtime_hours"] = number(v.flood_power_hours.value_or(0), v.flood_power_hours.has_value());
    s["plan.carry_days"] = number(supplies.carry_days, true);
    s["plan.home_days"] = number(supplies.home_days, true);
    s["plan.power_company"] = text(contact_text(p, ContactRole::PowerCompany));
    s["plan.visiting_nurse"] = text(contact_text(p, ContactRole::VisitingNurse));
    s["plan.destination"] = text(destination(v));
    std::vector<std::string> fb, notes, shorts;
    for (const auto& dp : tl.devices)
        fb.push_back(dp.name_ja + " → " + (dp.manual_fallback.empty() ? "（代替手段を記入）" : dp.manual_fallback));
    notes = assumption_notes(p, v, tl);
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
    m.tables["alert_actions"] = alert_actions(p, v, tl, supplies.carry_days);
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
        for (const auto& [k, val] : r) cols[k] = FieldInfo{val.type, {}, {}, {}, false};
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
