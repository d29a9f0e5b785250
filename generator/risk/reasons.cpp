#include "risk/reasons.hpp"

#include <algorithm>
#include <stdexcept>

namespace sheetgen {
namespace {

using G = ReasonGroup;

// The catalogue, in print order. Sentences are written to be handed to a
// family as they are: they say what to do and why, in the household's own
// numbers, and carry no personal data (device kinds, numbers, shelter names
// and plan dates only). Sources: docs/risk-rules.md.
const std::vector<ReasonDef> kCatalogue = {
    // ---- the flood action (one of the four) --------------------------------
    {"leave_now_tsunami", G::Action,
     "大津波警報・津波警報・津波注意報が出たら、警戒レベルを待たずに直ちに区域外の高台へ立退き避難します：津波は警報から数分で届くことがあります",
     "Leave at once for high ground outside the zone when a tsunami warning or advisory is issued, without waiting "
     "for an alert level: a tsunami can arrive minutes after the warning"},
    {"leave_early", G::Action,
     "警戒レベル3（高齢者等避難）が出たら立退き避難を始めます：移動に時間と支援者が必要なため、警戒レベル4（避難指示）を待ちません",
     "Leave when Alert Level 3 (Evacuate elderly etc.) is issued: moving takes time and helpers, so do not wait for "
     "Level 4"},
    {"shelter_upstairs", G::Action,
     "屋内安全確保の3条件（家屋倒壊等氾濫想定区域の外、{floor}が最大浸水深より上、停電{outage}時間分の電源と{days}日分の備蓄）を満たすため、自宅にとどまり孤立に備えます",
     "The three conditions for staying indoors hold (outside the house-collapse zone, {floor} above the maximum "
     "depth, power for the {outage} h outage and stock for {days} days): stay home and prepare to be cut off"},
    {"stay_home_power_plan", G::Action,
     "読み込んだハザードデータでは洪水・家屋倒壊・土砂災害の想定区域外です：自宅で過ごし、停電に備えます",
     "Outside every flood, house-collapse and landslide zone in the loaded hazard data: stay home and prepare for "
     "blackouts"},
    {"no_hazard_data", G::Action,
     "この住所の浸水想定データが読み込まれていません：安全とは判断できないため、ハザードマップで確認してください",
     "No flood hazard data covers this address: it cannot be judged safe; check the hazard map"},

    // ---- hazards at the home -----------------------------------------------
    {"hazard_data_unreadable", G::Hazard,
     "浸水想定データ「{layer}」をこの住所で読めませんでした：区域外と同じではなく、浸水のおそれは分かりません。データを確かめ、ハザードマップで確認してください",
     "The hazard layer '{layer}' could not be read at this address: that is not the same as outside every zone, "
     "and the risk here is unknown; check the data and this area's hazard map"},
    {"outside_hazard_data", G::Hazard,
     "この住所は読み込んだ浸水想定データの範囲外です：想定区域外と同じではなく、浸水のおそれは分かりません。この地域のハザードマップで確認してください",
     "This address lies outside the area the loaded flood data covers: that is not the same as outside every zone, "
     "and the flood risk is unknown; check this area's hazard map"},
    {"outside_municipality", G::Hazard,
     "この住所は設定された市区町村の境界の外にあります：住所と位置（緯度・経度）が正しいか確かめ、所在地の市区町村のハザードマップで確認してください",
     "This address lies outside the configured municipality boundary: check the address and location "
     "(latitude/longitude), and check the hazard map of the municipality it lies in"},
    {"location_approximate", G::Hazard,
     "住所から{level}の代表点で位置を推定：現地で確認してください",
     "Location estimated from the address at the {level} representative point: check it on site (the verdict takes "
     "the worst hazard within the uncertainty radius)"},
    {"house_collapse_zone", G::Hazard,
     "家屋倒壊等氾濫想定区域{type}内：家屋が倒壊・流失するおそれがあり、階数にかかわらず区域外へ立退き避難します",
     "Inside a house-collapse flood zone{type}: the house may collapse or be washed away; leave the zone whatever the "
     "floor"},
    {"landslide_zone", G::Hazard, "土砂災害警戒区域等{type}内：大雨の前に、区域外の安全な場所へ避難します",
     "Inside a landslide hazard zone{type}: leave for a safe place outside the zone before heavy rain"},
    {"tsunami_zone", G::Hazard,
     "津波浸水想定の区域内（想定浸水深 {depth}）：上の階にとどまる計画にはせず、区域外へ立退き避難します",
     "Inside a tsunami inundation zone (expected depth {depth}): staying upstairs is not planned; leave the zone"},
    {"storm_surge_zone", G::Hazard,
     "高潮浸水想定区域内（想定浸水深 {depth}）：洪水と同じく、浸水深と居室の階の高さで判断します",
     "Inside a storm-surge inundation zone (expected depth {depth}): judged like a river flood, by the depth against "
     "the floor"},
    {"living_floor_floods", G::Hazard,
     "想定浸水深 {depth}{river}：{floor}（床の高さ 約{height}m）まで浸水するおそれがあります",
     "Expected depth {depth}{river}: water can reach {floor} (floor level about {height} m)"},
    {"depth_unknown", G::Hazard,
     "浸水想定区域内ですが浸水深のデータがありません：居室が浸水しないと確かめられないため、立退き避難とします",
     "Inside a flood zone with no depth data: the rooms cannot be shown to stay dry, so the person leaves"},
    {"floor_above_water", G::Hazard,
     "想定浸水深 {depth}{river}：{floor}（床の高さ 約{height}m）は浸水しない想定ですが、周囲が浸水して孤立します",
     "Expected depth {depth}{river}: {floor} (floor level about {height} m) stays above the water, but the home will be cut off"},
    {"safe_floor", G::Hazard,
     "浸水しない階の目安：{safe}階以上（床の高さ 約{height}m、最大浸水深 {max}m{assumed}）",
     "Floors above the water: {safe}F and up (floor level about {height} m >= maximum depth {max} m{assumed})"},
    {"no_safe_floor_in_building", G::Hazard,
     "この建物（{storeys}階建て）には浸水しない階（{safe}階以上）がありません：上の階へ逃げても水に届くため、早めに立退き避難します",
     "This {storeys}-storey building has no floor above the water ({safe}F and up): going upstairs is not enough, "
     "leave early"},
    {"no_safe_floor", G::Hazard,
     "想定浸水深 {depth}{river}：浸水しない階の目安がありません。早めに立退き避難します",
     "Expected depth {depth}{river}: no floor can be counted on to stay dry; leave early"},
    {"duration_unknown", G::Hazard, "浸水継続時間のデータがありません：停電は少なくとも{outage}時間続くものとして計画します",
     "No flood-duration data: the blackout is planned as lasting at least {outage} h"},
    {"building_power_loss", G::Hazard,
     "浸水すると地下の受変電設備・ポンプ・エレベーターが止まり、水が引いた後も停電が続きます：停電は{outage}時間（浸水継続{duration}、最低7日間）続くものとして計画します",
     "Flooding stops basement switch rooms, pumps and lifts, and the blackout outlasts the water: the outage is "
     "planned as {outage} h (flooding {duration}, at least 7 days)"},

    // ---- power ---------------------------------------------------------------
    {"blackout_runtime_short", G::Power,
     "地震・台風などの停電で{device}を動かせるのは約{hours}時間で、72時間に届きません：浸水の想定にかかわらず、停電が続くときに移る電源のある場所を決めておきます",
     "In a blackout from an earthquake or typhoon the {device} runs about {hours} h, less than 72 h: whatever the "
     "flood risk, arrange a place with power to move to when the blackout lasts"},
    {"blackout_runtime_below_7days", G::Power,
     "停電時に{device}を動かせるのは約{hours}時間で、在宅避難の目安7日間（168時間）に届きません：予備電源を増やすか、電源が尽きる前に移る先を決めます",
     "In a blackout the {device} runs about {hours} h, less than the 7 days (168 h) to plan for at home: add backup "
     "power or arrange where to move before it runs out"},
    {"blackout_runtime_covers_7days", G::Power, "停電時の稼働時間 約{hours}時間は、在宅避難の目安7日間（168時間）を満たします",
     "The blackout runtime of about {hours} h covers 7 days (168 h) at home"},
    {"power_short_of_outage", G::Power,
     "浸水時に{device}を動かせるのは約{hours}時間で、想定する停電（{outage}時間）より短いため、自宅にとどまれません",
     "When the home is flooded the {device} runs about {hours} h, less than the {outage} h outage: staying home is "
     "not possible"},
    {"power_covers_outage", G::Power, "浸水時の稼働時間 約{hours}時間は、想定する停電（{outage}時間）を満たします",
     "The runtime of about {hours} h when flooded covers the {outage} h outage"},
    {"power_short_noncritical", G::Power,
     "{device}を動かせるのは約{hours}時間で、{target}時間に届きません：生命維持の機器ではないため、代替手段（{fallback}）で補います",
     "The {device} runs about {hours} h, less than {target} h: it is not life-sustaining, so its manual fallback "
     "({fallback}) covers the rest"},
    {"power_noncritical_no_fallback", G::Power,
     "{device}を動かせるのは約{hours}時間で、{target}時間に届かず、代替手段の記入もありません：自宅にとどまる条件を満たしません",
     "The {device} runs about {hours} h, less than {target} h, and no manual fallback is recorded: staying home is "
     "not possible"},
    {"car_power_unusable_in_flood", G::Power,
     "車は自宅で浸水するおそれがあるため、浸水時の電源には数えていません（停電だけのときは使えます）",
     "The car may be flooded at the home, so it is not counted as power in a flood (it still counts in a blackout)"},
    {"stock_unconfirmed", G::Power,
     "{days}日分の備蓄（水・食料・薬・医療物品）があるか記録されていません：確かめられるまで自宅にとどまる計画にしません",
     "No record shows stock for {days} days (water, food, medicines, medical supplies): the plan does not rely on "
     "staying home until it is checked"},
    {"stock_short_of_outage", G::Power, "備蓄は{have}日分で、想定する停電・孤立の{days}日分に足りません",
     "The stock lasts {have} days, less than the {days} days of outage and isolation"},
    {"power_runtime", G::Power, "停電時に医療機器を動かせる時間：約{hours}時間（{detail}）",
     "Blackout runtime of the medical devices: about {hours} h ({detail})"},
    {"manual_fallback", G::Power, "{target}時間までに電源が尽きる機器と代替手段：{list}",
     "Devices that lose power before {target} h and their manual fallbacks: {list}"},
    {"oxygen_source_not_recorded", G::Power,
     "人工呼吸器に酸素（{flow}）を使っていますが、酸素濃縮装置・酸素ボンベが機器に記入されていません：酸素の供給源と停電時の本数を記入してください",
     "The ventilator uses oxygen ({flow}) but no oxygen concentrator or cylinder is recorded: record the oxygen "
     "source and the cylinders for a blackout"},
    {"oxygen_concentrator_life_sustaining", G::Power,
     "人工呼吸器に酸素（{flow}）を使うため、酸素濃縮装置も生命維持の機器として計算しています",
     "The ventilator uses oxygen ({flow}), so the oxygen concentrator is counted as life-sustaining"},
    {"car_inverter_assumed", G::Note,
     "車のインバーターは容量の記入がないため、タンク半分程度の燃料でアイドリングして約{hours}時間給電できるものとして計算しています",
     "The car inverter has no capacity: assumed to supply about {hours} h with the engine idling on about half a "
     "tank of fuel"},
    {"generator_no_fuel_hours", G::Note,
     "発電機の燃料で動かせる時間（fuel_hours）の記入がないため、計算に含めていません",
     "The generator has no fuel_hours: not counted"},
    {"device_load_unknown", G::Note,
     "{device}の消費電力（W）の記入がないため、共用の電源で動かせる時間を計算できません（機器のバッテリーのみで計算）",
     "No watts for the {device}: only its own batteries are counted, shared backups cannot be"},
    {"backup_output_low", G::Note, "{source}の定格出力 {output}W は、機器の合計消費電力 {total}W より小さいため、全機器を同時には動かせません",
     "The {source} is rated {output} W, below the devices' combined {total} W: it cannot run them all at once"},
    {"internal_battery_first", G::Note,
     "{device}は内部バッテリーから先に使う設定です：移動や緊急時に使える内部バッテリーが残りません",
     "The {device} is set to use its internal battery first: none is left for moving or emergencies"},

    // ---- destinations ----------------------------------------------------------
    {"stay_destination", G::Destination, "避難先（滞在）：{name}（{kind}{distance}）",
     "Where to go and stay: {name} ({kind}{distance})"},
    {"no_stay_destination", G::Destination,
     "{need}滞在できる避難先が決まっていません：市・主治医と、入院（レスパイト）や福祉避難所の受入れを調整してください",
     "No place {need_en}to go and stay has been arranged: staff should arrange a hospital (respite) admission or a "
     "welfare shelter with the family's doctor"},
    {"destination_not_agreed", G::Destination,
     "「{name}」（{kind}）は受入れの事前調整が記録されていません：調整が済むまで避難先にしません",
     "{name} ({kind}) has no recorded agreement to receive the person: not a destination until it is arranged"},
    {"destination_no_power", G::Destination,
     "「{name}」（{kind}）は医療機器の電源が{power}ため、滞在先にしません",
     "{name} ({kind}) {power_en}, so it is not a place to stay"},
    {"destination_in_flood_zone", G::Destination, "「{name}」は浸水想定区域内の地上の施設のため、洪水時の避難先にしません",
     "{name} is a ground-level site inside the flood zone: not a destination in a flood"},
    {"welfare_shelter_not_agreed", G::Destination,
     "福祉避難所「{name}」は受入れの事前調整が記録されていません：福祉避難所へ直接避難できるのは、受入れに合意した人だけです",
     "Welfare shelter {name} has no recorded agreement: only people a welfare shelter agreed to receive may go "
     "there directly"},
    {"welfare_shelter_to_arrange", G::Destination,
     "電源のある福祉避難所：{name}（直線距離 {distance}）：受入れを事前に調整してください",
     "Welfare shelter with power: {name} ({distance} in a straight line): arrange the admission in advance"},
    {"no_welfare_shelter_with_power", G::Destination, "避難場所データに、電源のある福祉避難所がありません",
     "No welfare shelter with power for medical devices in the shelter data"},
    {"shelter_power_data_missing", G::Destination,
     "避難場所データに福祉避難所・電源の情報がありません：電源のある避難先は市の担当課に確認してください",
     "The shelter data has no welfare or power information: ask the city which places have power"},
    {"shelter_no_data", G::Destination, "避難場所のデータが読み込まれていないため、計画の避難先「{name}」を確認できません",
     "No shelter data is loaded: the planned shelter {name} cannot be checked"},
    {"shelter_not_planned", G::Destination, "避難場所（指定緊急避難場所）が計画に記入されていません",
     "The plan names no emergency evacuation site"},
    {"shelter_unknown", G::Destination, "計画の避難場所「{name}」は避難場所データに見つかりません",
     "The planned site {name} is not in the shelter data"},
    {"shelter_not_for_flood", G::Destination, "計画の避難場所「{name}」（直線距離 {distance}）は洪水の指定がありません",
     "The planned site {name} ({distance} in a straight line) is not designated for floods"},
    {"shelter_not_for_landslide", G::Destination,
     "計画の避難場所「{name}」（直線距離 {distance}）は土砂災害の指定がありません",
     "The planned site {name} ({distance} in a straight line) is not designated for landslides"},
    {"shelter_in_landslide_zone", G::Destination,
     "計画の避難場所「{name}」（直線距離 {distance}）は土砂災害警戒区域内のため、土砂災害時には使えません",
     "The planned site {name} ({distance} in a straight line) lies inside a landslide zone: not usable in a landslide"},
    {"shelter_in_flood_zone", G::Destination,
     "計画の避難場所「{name}」（直線距離 {distance}）は浸水想定区域内の地上の施設のため、洪水時には使えません",
     "The planned site {name} ({distance} in a straight line) is a ground-level site inside the flood zone: not "
     "usable in a flood"},
    {"shelter_vertical_isolated", G::Destination,
     "計画の避難場所「{name}」（直線距離 {distance}）は浸水想定区域内の上階・屋上で、浸水中は孤立します：電源が先に尽きるため使いません",
     "The planned site {name} ({distance} in a straight line) is an upper floor or rooftop inside the flood zone and "
     "will be cut off: power runs out first, so it is not used"},
    {"planned_is_emergency_site", G::Destination,
     "計画の避難場所「{name}」は指定緊急避難場所（危険から一時的に逃げる場所）で、滞在する避難所ではありません",
     "The planned site {name} is an emergency evacuation site (a place to flee to for a while), not a place to stay"},
    {"flee_site", G::Destination, "逃げ遅れたときの避難場所：{name}（指定緊急避難場所{vertical}、直線距離 {distance}）",
     "If caught by the water: {name} (emergency evacuation site{vertical_en}, {distance} in a straight line)"},
    {"no_flee_site", G::Destination, "避難場所データに、逃げ遅れたときに使える{kind}の指定緊急避難場所がありません",
     "The shelter data has no emergency evacuation site usable in {kind_en}"},

    // ---- plan upkeep -------------------------------------------------------------
    {"review_overdue", G::Upkeep, "計画の最終更新（{date}）から{months}か月を過ぎています：見直してください",
     "The plan was last reviewed on {date_en}, more than {months} months ago: review it"},
    {"consent_missing", G::Upkeep,
     "支援者への情報提供の同意がありません：同意を得るまで、この計画を支援者に渡せません",
     "No consent to share with supporters: the plan cannot be given to supporters until consent is obtained"},
};

const ReasonDef& find_def(const std::string& code) {
    for (const auto& d : kCatalogue)
        if (code == d.code) return d;
    throw std::logic_error("reason code '" + code + "' is not in the catalogue");
}

// Replaces every {name} in `tmpl`; a name without a value is a logic error
// (a rule forgot a parameter), so tests catch it rather than a family.
std::string fill(const std::string& code, const char* tmpl, const Params& params, Lang lang) {
    std::string out;
    for (const char* p = tmpl; *p;) {
        if (*p != '{') {
            out += *p++;
            continue;
        }
        const char* end = p + 1;
        while (*end && *end != '}') ++end;
        std::string name(p + 1, end);
        bool found = false;
        for (const auto& [k, v] : params)
            if (k == name) {
                out += lang == Lang::Ja ? v.ja : v.en;
                found = true;
                break;
            }
        if (!found) throw std::logic_error("reason '" + code + "': no value for {" + name + "}");
        p = *end ? end + 1 : end;
    }
    return out;
}

}  // namespace

const std::vector<ReasonDef>& reason_catalogue() { return kCatalogue; }

Reason make_reason(const std::string& code, Params params) {
    const ReasonDef& d = find_def(code);
    Reason r;
    r.code = code;
    r.ja = fill(code, d.ja, params, Lang::Ja);
    r.en = fill(code, d.en, params, Lang::En);
    r.params = std::move(params);
    return r;
}

size_t reason_rank(const std::string& code) {
    auto it = std::find_if(kCatalogue.begin(), kCatalogue.end(), [&](const ReasonDef& d) { return code == d.code; });
    return static_cast<size_t>(it - kCatalogue.begin());
}

const std::string& reason_text(const Reason& r, Lang lang) { return lang == Lang::Ja ? r.ja : r.en; }

}  // namespace sheetgen
