#pragma once
// The ventilator plan's supplies checklist (必要物品チェックリスト): items
// derived from the person's devices and care needs, scaled to the days to
// carry (持ち出し) and to stay at home (在宅避難). The per-day figures are
// stated assumptions, listed in docs/ventilator-plan.md and printed with each
// item (`basis`) so staff can see and correct them.
#include <optional>
#include <string>
#include <vector>

#include "profile/profile.hpp"
#include "risk/power.hpp"
#include "risk/verdict.hpp"

namespace sheetgen::render {

inline constexpr int kCarryDays = 3;          // 72 h: what goes with the person when evacuating
inline constexpr int kHomeDays = 7;           // 168 h at home (Tokyo's figure for ventilator users)
inline constexpr int kMedicationMinDays = 7;  // medicines: at least a week, also when evacuating
inline constexpr int kSuctionCathetersPerDay = 30;  // one per suction, about 30 suctions a day
inline constexpr int kGauzePerDay = 2;              // Y-gauze at the tracheostomy, changed twice a day
inline constexpr int kHmePerDay = 1;                // heat-moisture exchanger (人工鼻) when the humidifier has no power
inline constexpr int kDistilledWaterLitresPerDay = 1;  // heated humidifier, about 20-40 mL an hour
inline constexpr int kFeedingSetsPerDay = 1;        // feeding bag / pump set
inline constexpr int kSyringesPerDay = 2;           // catheter-tip syringes (feeds, flushes, medicines)
inline constexpr int kCircuitChangeDays = 7;        // ventilator circuit changed weekly, plus one spare
inline constexpr int kSpareCannulas = 2;            // same size and one size smaller
inline constexpr double kGasCanHours = 1.0;         // cassette gas generator: about 1 h per can (when the profile gives no count)

struct SupplyItem {
    std::string category;  // 人工呼吸器, 気管切開, 吸引, 経管栄養, 酸素, 薬, 電源, 書類
    std::string item;
    std::string unit;      // 本, 個, 組, 枚, L, 日分
    int per_day = 0;       // 0: a fixed count (not per day)
    bool counted = true;   // false: quantity must be agreed with the vendor (酸素ボンベ)
    int carry = 0;         // for carry_days
    int home = 0;          // for home_days
    std::string basis;     // how the quantity is worked out
    std::optional<int> stock;  // what the family has (profile `supplies`, or the generator's fuel note)
};

struct SupplyPlan {
    int carry_days = kCarryDays;
    // kHomeDays, or more when the expected flood isolation is longer.
    int home_days = kHomeDays;
    std::vector<SupplyItem> items;
};

SupplyPlan plan_supplies(const Profile& profile, const Verdict& verdict, const PowerTimeline& timeline);

// "90本", "3日分", "要確認"
std::string supply_quantity(const SupplyItem& item, int quantity);
// "200本", or "200本（不足）" when below what sheltering at home needs; "" when unknown.
std::string supply_stock(const SupplyItem& item);

}  // namespace sheetgen::render
