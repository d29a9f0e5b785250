#include "render/plan_supplies.hpp"

#include <algorithm>
#include <cmath>

namespace sheetgen::render {

namespace {

bool has_need(const Profile& p, CareNeed n) {
    return std::find(p.person.care_needs.begin(), p.person.care_needs.end(), n) != p.person.care_needs.end();
}

bool has_device(const Profile& p, DeviceKind k) {
    return std::any_of(p.devices.begin(), p.devices.end(), [k](const Device& d) { return d.kind == k; });
}

std::string device_label(const Device& d) { return d.name.empty() ? label_ja(d.kind) : d.name; }

// Number written before 本 in a fuel note (「カセットボンベ 12本」 -> 12), else 0.
int cans_in(const std::string& fuel) {
    size_t pos = fuel.find("本");
    if (pos == std::string::npos) return 0;
    size_t start = pos;
    while (start > 0 && fuel[start - 1] >= '0' && fuel[start - 1] <= '9') --start;
    if (start == pos || pos - start > 4) return 0;
    return std::stoi(fuel.substr(start, pos - start));
}

bool mentions(const std::string& text, const char* word) { return text.find(word) != std::string::npos; }

// Clamped so absurd inputs (a can lasting a second) cannot overflow an int.
int ceil_div(double a, double b) {
    if (!(b > 0) || !(a > 0)) return 0;
    double q = std::ceil(a / b - 1e-9);
    return q > 1e6 ? 1000000 : static_cast<int>(q);
}

}  // namespace

std::string supply_stock(const SupplyItem& item) {
    if (!item.stock) return "";
    std::string s = std::to_string(*item.stock) + item.unit;
    if (item.counted && *item.stock < std::max(item.home, item.carry)) s += "（不足）";
    return s;
}

std::string supply_quantity(const SupplyItem& item, int quantity) {
    if (!item.counted) return "要確認";
    if (quantity <= 0) return "—";
    return std::to_string(quantity) + item.unit;
}

SupplyPlan plan_supplies(const Profile& p, const Verdict& v, const PowerTimeline& tl) {
    SupplyPlan plan;
    // 3 days to carry, 7 at home; more only for a household that stays
    // upstairs through a longer outage (a family that leaves is not told to
    // stock for weeks at a home it cannot stay in).
    plan.carry_days = v.carry_days;
    plan.home_days = std::max(kHomeDays, v.home_days);
    const int cd = plan.carry_days, hd = plan.home_days;
    auto daily = [&](std::string cat, std::string item, std::string unit, int per_day, std::string basis) {
        plan.items.push_back({std::move(cat), std::move(item), unit, per_day, true, per_day * cd, per_day * hd, std::move(basis), std::nullopt});
    };
    auto fixed = [&](std::string cat, std::string item, std::string unit, int carry, int home, std::string basis) {
        plan.items.push_back({std::move(cat), std::move(item), std::move(unit), 0, true, carry, home, std::move(basis), std::nullopt});
    };

    const bool ventilator = p.uses_ventilator();
    if (ventilator) {
        int spare = 1;
        fixed("人工呼吸器", "人工呼吸器回路（予備）", "組", ceil_div(cd, kCircuitChangeDays) + spare,
              ceil_div(hd, kCircuitChangeDays) + spare,
              "週1回の交換分＋破損時の予備1組");
        plan.items.back().stock = p.supplies.spare_circuits;
        // An HME (人工鼻) humidifies passively: no water, and it is the daily item.
        bool hme = std::any_of(p.devices.begin(), p.devices.end(), [](const Device& d) {
            return d.kind == DeviceKind::Ventilator && (mentions(d.humidifier, "人工鼻") || mentions(d.humidifier, "HME"));
        });
        bool heated = has_device(p, DeviceKind::Humidifier) ||
                      std::any_of(p.devices.begin(), p.devices.end(), [](const Device& d) {
                          return d.kind == DeviceKind::Ventilator && !d.humidifier.empty() && !mentions(d.humidifier, "人工鼻") &&
                                 !mentions(d.humidifier, "HME");
                      });
        if (heated)
            daily("人工呼吸器", "滅菌蒸留水（加温加湿器用）", "L", kDistilledWaterLitresPerDay,
                  "1日約1L（1時間20〜40mL）");
        if (hme) daily("人工呼吸器", "人工鼻（HME）", "個", kHmePerDay, "日常使用・1日1個交換");
        else daily("人工呼吸器", "人工鼻（停電で加湿器が使えないとき）", "個", kHmePerDay, "1日1個交換");
        fixed("人工呼吸器", "アンビューバッグ（蘇生バッグ）", "個", 1, 1, "電源が尽きたときの手動換気");
    }
    if (has_need(p, CareNeed::Tracheostomy)) {
        fixed("気管切開", "気管カニューレ（予備）", "本", kSpareCannulas, kSpareCannulas, "同じサイズと1サイズ小さいもの");
        daily("気管切開", "Yガーゼ", "枚", kGauzePerDay, "1日2回交換");
    }
    const bool suction = has_need(p, CareNeed::Suction) || has_device(p, DeviceKind::Suction);
    if (suction) {
        // The count differs tenfold between people (2-3 an hour vs a few a
        // day): without the profile's figure the quantity is left to check.
        if (p.supplies.suction_per_day)
            daily("吸引", "吸引カテーテル", "本", *p.supplies.suction_per_day,
                  "1回1本・1日" + std::to_string(*p.supplies.suction_per_day) + "回（プロフィールの記入）");
        else
            plan.items.push_back({"吸引", "吸引カテーテル", "本", 0, false, 0, 0,
                                  "1回1本：1日の吸引回数（supplies.suction_per_day）を記入して数量を確認", std::nullopt});
        plan.items.back().stock = p.supplies.suction_catheters;
        std::string manual = "足踏み式・手動式吸引器";
        for (const auto& d : p.devices)
            if (d.kind == DeviceKind::Suction && !d.manual_fallback.empty()) manual = d.manual_fallback;
        fixed("吸引", manual, "台", 1, 1, "吸引器の電源が尽きたときの代替");
    }
    if (has_need(p, CareNeed::TubeFeeding) || has_device(p, DeviceKind::FeedingPump)) {
        daily("経管栄養", "栄養剤", "日分", 1, "日数分");
        daily("経管栄養", "注入セット（栄養バッグ・チューブ）", "組", kFeedingSetsPerDay, "1日1組");
        daily("経管栄養", "カテーテルチップシリンジ", "本", kSyringesPerDay, "1日2本（注入・白湯・薬）");
    }
    const std::string vent_o2 = ventilator_oxygen_flow(p);
    if (has_need(p, CareNeed::Oxygen) || has_device(p, DeviceKind::OxygenConcentrator) ||
        has_device(p, DeviceKind::OxygenCylinder) || !vent_o2.empty()) {
        std::string basis = vent_o2.empty() ? "流量と使用時間から本数を業者と確認"
                                            : "人工呼吸器に酸素 " + vent_o2 + "：停電中はボンベで続ける。流量と時間から本数を業者と確認";
        SupplyItem o{"酸素", "酸素ボンベ（携帯用）", "本", 0, false, 0, 0, basis, std::nullopt};
        plan.items.push_back(o);
    }
    if (!p.person.medications.empty()) {
        int mc = std::max(cd, kMedicationMinDays), mh = std::max(hd, kMedicationMinDays);
        std::string names;
        for (const auto& m : p.person.medications) names += (names.empty() ? "" : "、") + m.name;
        fixed("薬", "常用薬（" + names + "）", "日分", mc, mh, "最低7日分");
        plan.items.back().stock = p.supplies.medication_days;
        fixed("薬", "お薬手帳（写し）", "冊", 1, 1, "");
    }
    for (const auto& d : p.devices) {
        if (d.external_battery_count > 0 && d.external_battery_h > 0)
            fixed("電源", device_label(d) + "の外部バッテリー（充電済み）", "個", d.external_battery_count,
                  d.external_battery_count, "登録されている全数");
    }
    for (const auto& b : p.power_backup) {
        if (b.kind == BackupKind::PowerStation && b.capacity_wh > 0)
            fixed("電源", (b.model.empty() ? std::string("ポータブル電源") : b.model) + "（満充電）", "台", 1, 1,
                  "月1回残量を確認");
        if (b.kind == BackupKind::CarInverter)
            fixed("電源", "車用インバーター・シガーソケットケーブル", "式", 1, 1, "車から給電するとき");
    }
    // Generator fuel: enough to run it from when it takes over until the target.
    for (const auto& s : tl.sources) {
        if (s.step != PowerStep::Generator || s.energy_based) continue;
        const PowerBackup& b = p.power_backup.at(s.backup_index);
        double start = s.start_h.value_or(0);
        // The generator stays at home: its fuel is for sheltering in place, not to carry.
        double need_home = std::max(0.0, hd * 24.0 - start);
        bool liquid = mentions(b.fuel, "ガソリン") || mentions(b.fuel, "軽油") || mentions(b.fuel, "灯油");
        if (liquid) {
            fixed("電源", "発電機の燃料（" + b.fuel + "）", "時間分", 0, ceil_div(need_home, 1),
                  "在宅避難用。発電機は停電から" + format_hours(start) + "時間後に使い始める想定、備蓄 " + format_hours(b.fuel_hours) +
                      "時間分");
            continue;
        }
        int stock = cans_in(b.fuel);
        double per_can = stock > 0 && b.fuel_hours > 0 ? b.fuel_hours / stock : kGasCanHours;
        std::string basis = "在宅避難用。1本約" + format_hours(per_can) + "時間、停電から" + format_hours(start) + "時間後に使い始める想定";
        if (stock > 0) basis += "、備蓄 " + std::to_string(stock) + "本";
        fixed("電源", "カセットボンベ（発電機用）", "本", 0, ceil_div(need_home, per_can), basis);
        if (stock > 0) plan.items.back().stock = stock;
    }
    if (tl.devices.size() > 0) fixed("電源", "電源タップ・延長コード", "本", 1, 1, "");
    fixed("書類", "この計画書と災害時個別支援シート", "部", 1, 1, "");
    return plan;
}

}  // namespace sheetgen::render
