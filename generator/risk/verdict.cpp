#include "risk/verdict.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iterator>

#include "common/geo.hpp"
#include "risk/power.hpp"

namespace sheetgen {
namespace {

// A zone without depth data is assumed to flood up to 5 m: the top of the
// 3.0-5.0 m class, deep enough to submerge a second floor.
constexpr double kUnknownDepthAssumedM = 5.0;

// Reasons are listed in this order: first those that set the level (A, then
// B, C, D), then power details, shelters and plan upkeep. Codes are stable.
const char* const kReasonOrder[] = {
    // A
    "house_collapse_zone",
    "landslide_zone",
    "ventilator_floor_floods",
    "power_short_of_isolation",
    "power_short_of_72h",
    // B
    "living_floor_floods",
    "depth_unknown_floor_floods",
    // C
    "floor_above_water",
    "depth_unknown_upper_floor",
    // D
    "outside_all_zones",
    // power details
    "power_runtime",
    "power_short_noncritical",
    "duration_unknown",
    "power_covers_target",
    "manual_fallback",
    "car_inverter_assumed",
    "generator_no_fuel_hours",
    "device_load_unknown",
    "backup_output_low",
    // shelters
    "shelter_no_data",
    "shelter_not_planned",
    "shelter_unknown",
    "shelter_not_for_flood",
    "shelter_in_flood_zone",
    "shelter_vertical_isolated",
    "suggested_shelter",
    "no_usable_shelter",
    "suggested_welfare_shelter",
    "no_welfare_shelter_with_power",
    // plan upkeep
    "review_overdue",
    "consent_missing",
};

size_t reason_rank(const std::string& code) {
    auto it = std::find_if(std::begin(kReasonOrder), std::end(kReasonOrder),
                           [&](const char* c) { return code == c; });
    return static_cast<size_t>(it - std::begin(kReasonOrder));
}

std::string fmt(const char* f, double v) {
    char buf[64];
    std::snprintf(buf, sizeof buf, f, v);
    return buf;
}

// "0", "3", "4.5": storey heights in metres.
std::string format_m(double m) { return std::fabs(m - std::round(m)) < 1e-9 ? fmt("%.0f", m) : fmt("%.1f", m); }

struct FloorPhrase {
    int floor = 1;
    std::string ja;  // 生活・就寝する1階
    std::string en;  // the floor the person lives and sleeps on (1F)
};

// The lower of the living and sleeping floors decides: both must stay dry.
FloorPhrase floor_phrase(const Household& h) {
    int living = std::max(1, h.living_floor);
    int sleeping = std::max(1, h.sleeping_floor);
    FloorPhrase f;
    f.floor = std::min(living, sleeping);
    std::string n = std::to_string(f.floor);
    if (living == sleeping) {
        f.ja = "生活・就寝する" + n + "階";
        f.en = "the floor the person lives and sleeps on (" + n + "F)";
    } else if (f.floor == living) {
        f.ja = "生活する" + n + "階";
        f.en = "the floor the person lives on (" + n + "F)";
    } else {
        f.ja = "就寝する" + n + "階";
        f.en = "the floor the person sleeps on (" + n + "F)";
    }
    return f;
}

Date add_months(const Date& d, int months) {
    int idx = d.year * 12 + (d.month - 1) + months;
    Date r{idx / 12, idx % 12 + 1, 1};
    r.day = std::min(d.day, days_in_month(r.year, r.month));
    return r;
}

ShelterSuggestion make_suggestion(const Shelter& s, const LatLon& home) {
    ShelterSuggestion g;
    g.id = s.id;
    g.name = s.name;
    g.location = s.location;
    g.distance_m = distance_m(home, s.location);
    g.welfare = s.welfare;
    g.power = s.power;
    return g;
}

// Nearest shelter passing `ok`; the first in layer order wins a tie.
template <typename Pred>
const Shelter* nearest(const std::vector<Shelter>& shelters, const LatLon& home, Pred ok) {
    const Shelter* best = nullptr;
    double best_d = 0;
    for (const auto& s : shelters) {
        if (!ok(s)) continue;
        double d = distance_m(home, s.location);
        if (!best || d < best_d) {
            best = &s;
            best_d = d;
        }
    }
    return best;
}

std::string collapse_type_ja(const std::string& t) {
    if (t == "flood_flow") return "（氾濫流）";
    if (t == "bank_erosion") return "（河岸侵食）";
    return "";
}
std::string collapse_type_en(const std::string& t) {
    if (t == "flood_flow") return " (flood flow)";
    if (t == "bank_erosion") return " (bank erosion)";
    return "";
}

// Text of a device's own timeline: "内部バッテリー 4.0時間 → 外部バッテリー 12.0時間 → ...".
void describe_segments(const DevicePower& d, std::string& ja, std::string& en) {
    if (d.segments.empty()) {
        ja = d.name_ja + "：バッテリー・予備電源なし";
        en = d.name_en + ": no battery or backup";
        return;
    }
    ja = d.name_ja + "：";
    en = d.name_en + ": ";
    for (size_t i = 0; i < d.segments.size(); ++i) {
        const auto& s = d.segments[i];
        std::string h = format_hours(s.end_h - s.start_h);
        ja += (i ? " → " : "") + s.label_ja + " " + h + "時間";
        en += (i ? " -> " : "") + s.label_en + " " + h + " h";
    }
}

}  // namespace

const char* to_string(Priority p) {
    switch (p) {
        case Priority::A: return "A";
        case Priority::B: return "B";
        case Priority::C: return "C";
        case Priority::D: return "D";
    }
    return "D";
}

const char* label_ja(Priority p) {
    switch (p) {
        case Priority::A: return "A: 早期避難（警戒レベル3で避難開始）";
        case Priority::B: return "B: 立退き避難（警戒レベル4までに避難）";
        case Priority::C: return "C: 垂直避難・在宅避難が可能（孤立に備える）";
        case Priority::D: return "D: 想定区域外";
    }
    return "D: 想定区域外";
}

const char* label_en(Priority p) {
    switch (p) {
        case Priority::A: return "A: Evacuate early (start at alert level 3)";
        case Priority::B: return "B: Evacuate (leave by alert level 4)";
        case Priority::C: return "C: Vertical evacuation / shelter in place possible (prepare for isolation)";
        case Priority::D: return "D: Outside all hazard zones";
    }
    return "D: Outside all hazard zones";
}

const char* to_string(ShelterStatus s) {
    switch (s) {
        case ShelterStatus::Ok: return "ok";
        case ShelterStatus::NotPlanned: return "not_planned";
        case ShelterStatus::Unknown: return "unknown";
        case ShelterStatus::NotForFlood: return "not_for_flood";
        case ShelterStatus::InFloodZone: return "in_flood_zone";
        case ShelterStatus::NoData: return "no_data";
    }
    return "unknown";
}

const char* label_ja(ShelterStatus s) {
    switch (s) {
        case ShelterStatus::Ok: return "洪水時に使用可";
        case ShelterStatus::NotPlanned: return "避難先が未記入";
        case ShelterStatus::Unknown: return "避難場所データに該当なし";
        case ShelterStatus::NotForFlood: return "洪水の指定なし";
        case ShelterStatus::InFloodZone: return "浸水想定区域内（地上階）";
        case ShelterStatus::NoData: return "避難場所データなし";
    }
    return "避難場所データに該当なし";
}

std::string format_distance_ja(double m) {
    return m < 1000 ? "約" + fmt("%.0f", std::round(m / 10) * 10) + "m" : "約" + fmt("%.1f", m / 1000) + "km";
}
std::string format_distance_en(double m) {
    return m < 1000 ? "~" + fmt("%.0f", std::round(m / 10) * 10) + " m" : "~" + fmt("%.1f", m / 1000) + " km";
}

Verdict assess(const Profile& profile, const Exposure& e, const std::vector<Shelter>& shelters,
               const RiskOptions& opt) {
    Verdict v;
    v.household_id = profile.id;
    v.exposure = e;
    Priority level = Priority::D;
    auto raise = [&](Priority p) { level = std::min(level, p); };  // A < B < C < D
    auto add = [&](const char* code, std::string ja, std::string en) {
        v.reasons.push_back({code, std::move(ja), std::move(en)});
    };

    const bool flood = e.in_flood_zone || e.in_duration_zone;
    const bool any_zone = flood || e.in_house_collapse || e.in_landslide;
    const FloorPhrase fp = floor_phrase(profile.household);
    const double mps = opt.metres_per_storey > 0 ? opt.metres_per_storey : 3.0;
    const double floor_level_m = (fp.floor - 1) * mps;

    if (e.in_house_collapse) {
        raise(Priority::A);
        add("house_collapse_zone",
            "家屋倒壊等氾濫想定区域" + collapse_type_ja(e.house_collapse_type) +
                "内：家屋が倒壊・流失するおそれがあり、階数にかかわらず洪水の前に区域外へ立退き避難が必要です",
            "Inside a house-collapse flood zone" + collapse_type_en(e.house_collapse_type) +
                ": the house may collapse or be washed away; leave the zone before the flood, whatever the floor");
    }
    if (e.in_landslide) {
        raise(Priority::A);
        std::string t_ja = e.landslide_type.empty() ? "" : "（" + e.landslide_type + "）";
        std::string t_en = e.landslide_type.empty() ? "" : " (" + e.landslide_type + ")";
        add("landslide_zone", "土砂災害警戒区域等" + t_ja + "内：大雨の前に、早めに区域外の安全な場所へ避難します",
            "Inside a landslide hazard zone" + t_en + ": leave for a safe place outside the zone before heavy rain");
    }

    // Depth against the floor.
    bool floor_floods = false;
    if (flood) {
        const std::string h = format_m(floor_level_m);
        if (e.depth) {
            floor_floods = e.depth->max_m > floor_level_m;
            if (floor_floods) {
                raise(Priority::B);
                add("living_floor_floods",
                    "想定浸水深 " + e.depth->label_ja() + "：" + fp.ja + "（床の高さ 約" + h +
                        "m）まで浸水するおそれがあります。浸水前に立退き避難が必要です",
                    "Expected depth " + e.depth->label_en() + ": water can reach " + fp.en + ", floor level ~" + h +
                        " m; the person must leave before the flood");
            } else {
                raise(Priority::C);
                add("floor_above_water",
                    "想定浸水深 " + e.depth->label_ja() + "：" + fp.ja + "（床の高さ 約" + h +
                        "m）は浸水しない想定ですが、周囲が浸水して孤立します（垂直避難・在宅避難の備えが必要）",
                    "Expected depth " + e.depth->label_en() + ": " + fp.en + ", floor level ~" + h +
                        " m, stays above the water, but the home will be cut off (vertical evacuation / shelter in place)");
            }
        } else {
            floor_floods = kUnknownDepthAssumedM > floor_level_m;
            const std::string assumed = format_m(kUnknownDepthAssumedM);
            if (floor_floods) {
                raise(Priority::B);
                add("depth_unknown_floor_floods",
                    "浸水想定区域内ですが浸水深のデータがありません：最大" + assumed + "m（2階が水没する目安）の浸水を想定し、" +
                        fp.ja + "（床の高さ 約" + h + "m）は浸水するものとして立退き避難とします",
                    "Inside a flood zone with no depth data: assuming up to " + assumed +
                        " m (a second floor submerged), " + fp.en + ", floor level ~" + h +
                        " m, is treated as flooding; the person must leave");
            } else {
                raise(Priority::C);
                add("depth_unknown_upper_floor",
                    "浸水想定区域内ですが浸水深のデータがありません：最大" + assumed + "mの浸水を想定すると" + fp.ja +
                        "（床の高さ 約" + h + "m）は浸水しませんが、周囲が浸水して孤立します。ハザードマップで浸水深を確認してください",
                    "Inside a flood zone with no depth data: assuming up to " + assumed + " m, " + fp.en +
                        ", floor level ~" + h + " m, stays dry but the home will be cut off; check the depth on the hazard map");
            }
        }
        if (floor_floods && profile.uses_ventilator()) {
            raise(Priority::A);
            add("ventilator_floor_floods",
                "人工呼吸器を使用し、" + fp.ja +
                    "が浸水する想定です：移動に時間と支援者が必要なため、警戒レベル3（高齢者等避難）で早めに避難を始めます",
                "Uses a ventilator and " + fp.en +
                    " is expected to flood: moving takes time and helpers, so evacuation starts early at alert level 3");
        }
    }

    // Power runtime against the isolation.
    const PowerTimeline tl = model_power(profile);
    if (!tl.empty()) {
        v.power_hours = tl.runtime_h;
        const DevicePower& lim = tl.devices[*tl.limiting_device];
        const std::string r = format_hours(tl.runtime_h);
        std::string seg_ja, seg_en;
        describe_segments(lim, seg_ja, seg_en);
        add("power_runtime", "停電時に医療機器を動かせる時間：約" + r + "時間（" + seg_ja + "）",
            "Blackout runtime of the medical devices: about " + r + " h (" + seg_en + ")");

        // Only life-sustaining (critical) devices make a short runtime an A:
        // the others can pause or fall back to manual care, so for them the
        // shortfall is reported without changing the level.
        const bool critical = lim.critical;
        auto short_noncritical = [&](const std::string& what_ja, const std::string& what_en) {
            add("power_short_noncritical",
                "停電時に" + lim.name_ja + "を動かせるのは約" + r + "時間で、" + what_ja +
                    "に届きません：生命維持に必須の機器ではないため優先度は変えませんが、代替手段と予備電源を準備してください",
                "In a blackout the " + lim.name_en + " runs about " + r + " h, less than " + what_en +
                    ": not life-sustaining, so the level is unchanged; prepare a manual fallback and backup power");
        };
        double target = kCarryTargetHours;
        if (flood) {
            const bool known = e.in_duration_zone && e.duration;
            if (known) {
                target = isolation_hours(*e.duration);
                const std::string t = format_hours(target);
                if (tl.runtime_h < target && critical) {
                    raise(Priority::A);
                    add("power_short_of_isolation",
                        "停電時に" + lim.name_ja + "を動かせるのは約" + r + "時間で、想定浸水継続時間（" +
                            e.duration->label_ja() + "：最長" + t +
                            "時間として計算）より短いため、在宅避難を続けられません：警戒レベル3で早めに避難します",
                        "In a blackout the " + lim.name_en + " runs about " + r + " h, less than the expected flooding (" +
                            e.duration->label_en() + ", counted as " + t +
                            " h): staying home is not possible; evacuate early at alert level 3");
                } else if (tl.runtime_h < target) {
                    short_noncritical("想定浸水継続時間（" + e.duration->label_ja() + "：最長" + t + "時間）",
                                      "the expected flooding (" + e.duration->label_en() + ", counted as " + t + " h)");
                } else {
                    add("power_covers_target",
                        "停電時の稼働時間 約" + r + "時間は、想定浸水継続時間（" + e.duration->label_ja() + "：最長" + t +
                            "時間）を満たします",
                        "The blackout runtime of about " + r + " h covers the expected flooding (" +
                            e.duration->label_en() + ", counted as " + t + " h)");
                }
            } else {
                const std::string t = format_hours(kCarryTargetHours);
                add("duration_unknown",
                    "浸水継続時間のデータがありません：電源は" + t + "時間を目安に比較します",
                    "No flood-duration data: the power runtime is compared with " + t + " h");
                if (tl.runtime_h < kCarryTargetHours && critical) {
                    raise(Priority::A);
                    add("power_short_of_72h",
                        "停電時に" + lim.name_ja + "を動かせるのは約" + r + "時間で、" + t +
                            "時間に届かないため、在宅避難を続けられません：警戒レベル3で早めに避難します",
                        "In a blackout the " + lim.name_en + " runs about " + r + " h, less than " + t +
                            " h: staying home is not possible; evacuate early at alert level 3");
                } else if (tl.runtime_h < kCarryTargetHours) {
                    short_noncritical(t + "時間の目安", "the " + t + " h guide");
                } else {
                    add("power_covers_target", "停電時の稼働時間 約" + r + "時間は、" + t + "時間の目安を満たします",
                        "The blackout runtime of about " + r + " h covers " + t + " h");
                }
            }
        }

        // Manual fallbacks for every device that stops before the target.
        std::string fb_ja, fb_en;
        for (const auto& d : tl.devices) {
            if (d.runtime_h >= target) continue;
            const std::string& f = d.manual_fallback;
            fb_ja += (fb_ja.empty() ? "" : "、") + d.name_ja + " → " + (f.empty() ? "代替手段の記入なし" : f);
            fb_en += (fb_en.empty() ? "" : "; ") + d.name_en + " -> " + (f.empty() ? "no manual fallback recorded" : f);
        }
        if (!fb_ja.empty()) {
            const std::string t = format_hours(target);
            add("manual_fallback", t + "時間までに電源が尽きる機器と代替手段：" + fb_ja,
                "Devices that lose power before " + t + " h and their manual fallbacks: " + fb_en);
        }
        for (const auto& n : tl.notes) v.reasons.push_back(n);
    }

    if (!any_zone) {
        add("outside_all_zones", "読み込んだハザードデータでは、洪水・家屋倒壊・土砂災害の想定区域外です",
            "Outside every flood, house-collapse and landslide zone in the loaded hazard data");
    }

    // Power that runs out before the water recedes rules out staying cut off
    // anywhere inside the zone, including an upper-floor shelter.
    const bool power_cannot_stay = std::any_of(v.reasons.begin(), v.reasons.end(), [](const Reason& r) {
        return r.code == "power_short_of_isolation" || r.code == "power_short_of_72h";
    });
    bool vertical_isolated = false;

    // The planned shelter.
    const LatLon home = profile.household.location;
    const std::string& planned = profile.evacuation.shelter;
    const Shelter* found = nullptr;
    if (planned.empty()) {
        v.planned_shelter_status = ShelterStatus::NotPlanned;
        add("shelter_not_planned", "避難先（指定緊急避難場所）が計画に記入されていません",
            "The plan names no shelter");
    } else if (shelters.empty()) {
        v.planned_shelter_status = ShelterStatus::NoData;
        add("shelter_no_data", "避難場所のデータが読み込まれていないため、計画の避難先「" + planned + "」を確認できません",
            "No shelter data is loaded: the planned shelter \"" + planned + "\" cannot be checked");
    } else {
        for (const auto& s : shelters)
            if (s.id == planned) {
                found = &s;
                break;
            }
        if (!found)
            for (const auto& s : shelters)
                if (s.name == planned) {
                    found = &s;
                    break;
                }
        if (!found) {
            v.planned_shelter_status = ShelterStatus::Unknown;
            add("shelter_unknown", "計画の避難先「" + planned + "」は避難場所データに見つかりません",
                "The planned shelter \"" + planned + "\" is not in the shelter data");
        } else {
            v.planned_shelter = *found;
            v.planned_shelter_distance_m = distance_m(home, found->location);
            const std::string d_ja = format_distance_ja(*v.planned_shelter_distance_m);
            const std::string d_en = format_distance_en(*v.planned_shelter_distance_m);
            if (!found->flood) {
                v.planned_shelter_status = ShelterStatus::NotForFlood;
                add("shelter_not_for_flood",
                    "計画の避難先「" + found->name + "」（直線距離 " + d_ja + "）は洪水の指定緊急避難場所ではありません",
                    "The planned shelter " + found->name + " (" + d_en + " in a straight line) is not designated for floods");
            } else if (!found->usable_in_flood()) {
                v.planned_shelter_status = ShelterStatus::InFloodZone;
                add("shelter_in_flood_zone",
                    "計画の避難先「" + found->name + "」（直線距離 " + d_ja +
                        "）は浸水想定区域内の地上の施設のため、洪水時には使えません",
                    "The planned shelter " + found->name + " (" + d_en +
                        " in a straight line) is a ground-level site inside the flood zone: not usable in a flood");
            } else {
                v.planned_shelter_status = ShelterStatus::Ok;
                if (found->vertical && found->exposure.in_flood_zone && power_cannot_stay) {
                    vertical_isolated = true;
                    add("shelter_vertical_isolated",
                        "計画の避難先「" + found->name + "」（直線距離 " + d_ja +
                            "）は浸水想定区域内の上階・屋上の避難場所で、浸水中は孤立します：電源が浸水の継続より先に尽きるため、区域外の避難先を計画してください",
                        "The planned shelter " + found->name + " (" + d_en +
                            " in a straight line) is an upper-floor / rooftop site inside the flood zone and will be cut off: "
                            "power runs out before the water recedes, so plan a destination outside the zone");
                }
            }
        }
    }

    // Suggestions for households in a zone: a shelter when the plan has none
    // usable, and a welfare shelter with power for power-dependent devices.
    if (any_zone && !shelters.empty()) {
        const bool dependent = !tl.empty();
        if (v.planned_shelter_status != ShelterStatus::Ok || vertical_isolated) {
            const Shelter* s = nullptr;
            bool landslide_only = !flood && !e.in_house_collapse;
            if (landslide_only) {
                s = nearest(shelters, home, [](const Shelter& x) { return x.landslide && !x.exposure.in_landslide; });
            } else {
                // Power-dependent people cannot stay cut off on an upper floor:
                // prefer sites outside the flood zone over vertical sites in it.
                if (dependent || vertical_isolated)
                    s = nearest(shelters, home,
                                [](const Shelter& x) { return x.usable_in_flood() && !x.exposure.in_flood_zone; });
                if (!s && !vertical_isolated)
                    s = nearest(shelters, home, [](const Shelter& x) { return x.usable_in_flood(); });
            }
            const char* kind_ja = landslide_only ? "土砂災害時" : "洪水時";
            const char* kind_en = landslide_only ? "a landslide" : "a flood";
            if (s) {
                v.suggested_shelter = make_suggestion(*s, home);
                std::string vert_ja = s->vertical && s->exposure.in_flood_zone ? "（上階・屋上を使う施設）" : "";
                std::string vert_en = s->vertical && s->exposure.in_flood_zone ? ", upper-floor / rooftop site" : "";
                add("suggested_shelter",
                    std::string("最寄りの") + kind_ja + "に使える避難場所：" + s->name + vert_ja + "（直線距離 " +
                        format_distance_ja(v.suggested_shelter->distance_m) + "）",
                    std::string("Nearest shelter usable in ") + kind_en + ": " + s->name + " (" +
                        format_distance_en(v.suggested_shelter->distance_m) + " in a straight line" + vert_en + ")");
            } else {
                add("no_usable_shelter", std::string("避難場所データに") + kind_ja + "に使える避難場所がありません",
                    std::string("No shelter in the data is usable in ") + kind_en);
            }
        }
        if (dependent) {
            const Shelter* w = nearest(shelters, home, [](const Shelter& x) {
                return x.welfare && x.power.value_or(false) && !(x.exposure.in_flood_zone && !x.vertical);
            });
            if (w) {
                v.suggested_welfare = make_suggestion(*w, home);
                add("suggested_welfare_shelter",
                    "電源のある最寄りの福祉避難所：" + w->name + "（直線距離 " +
                        format_distance_ja(v.suggested_welfare->distance_m) + "）",
                    "Nearest welfare shelter with power: " + w->name + " (" +
                        format_distance_en(v.suggested_welfare->distance_m) + " in a straight line)");
            } else {
                add("no_welfare_shelter_with_power", "避難場所データに、電源のある福祉避難所がありません",
                    "No welfare shelter with power for medical devices in the shelter data");
            }
        }
    }

    // Plan upkeep: informative, never changes the level.
    if (opt.as_of.year > 0 && profile.updated.year > 0 && opt.review_months > 0) {
        const Date due = add_months(profile.updated, opt.review_months);
        if (due < opt.as_of) {
            v.review_overdue = true;
            const std::string m = std::to_string(opt.review_months);
            add("review_overdue",
                "計画の最終更新（" + profile.updated.japanese() + "）から" + m + "か月を過ぎています：見直してください",
                "The plan was last reviewed on " + profile.updated.iso() + ", more than " + m +
                    " months ago: review it");
        }
    }
    if (!profile.consent.share_with_supporters) {
        v.consent_missing = true;
        add("consent_missing", "支援者への情報提供の同意がありません：同意を得るまで、この計画を支援者に渡せません",
            "No consent to share with supporters: the plan cannot be given to supporters until consent is obtained");
    }

    v.level = level;
    std::stable_sort(v.reasons.begin(), v.reasons.end(),
                     [](const Reason& a, const Reason& b) { return reason_rank(a.code) < reason_rank(b.code); });
    return v;
}

}  // namespace sheetgen
