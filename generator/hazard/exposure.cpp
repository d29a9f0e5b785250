#include "hazard/exposure.hpp"

#include <cstdio>

namespace sheetgen {

namespace {

// 0.5, 3.0, 10, 20: one decimal below 10 (as in the GSI legend), whole numbers above.
std::string metres(double v) {
    char buf[32];
    if (v < 10 || v != static_cast<double>(static_cast<long>(v)))
        std::snprintf(buf, sizeof buf, "%.1f", v);
    else
        std::snprintf(buf, sizeof buf, "%.0f", v);
    return buf;
}

std::string hours(double v) {
    char buf[32];
    if (v == static_cast<double>(static_cast<long>(v)))
        std::snprintf(buf, sizeof buf, "%.0f", v);
    else
        std::snprintf(buf, sizeof buf, "%.1f", v);
    return buf;
}

}  // namespace

std::string DepthRange::label_en() const {
    if (max_m == kUnbounded) return ">= " + metres(min_m) + " m";
    return metres(min_m) + "-" + metres(max_m) + " m";
}

std::string DepthRange::label_ja() const {
    if (max_m == kUnbounded) return metres(min_m) + "m以上";
    if (min_m <= 0) return metres(max_m) + "m未満";
    return metres(min_m) + "m以上" + metres(max_m) + "m未満";
}

int DepthRange::gsi_class() const {
    if (min_m < 0.5) return 1;
    if (min_m < 3) return 2;
    if (min_m < 5) return 3;
    if (min_m < 10) return 4;
    if (min_m < 20) return 5;
    return 6;
}

std::string DurationRange::label_en() const {
    if (max_h == kUnbounded) return ">= " + hours(min_h) + " h";
    if (min_h <= 0) return "< " + hours(max_h) + " h";
    return hours(min_h) + "-" + hours(max_h) + " h";
}

std::string DurationRange::label_ja() const {
    if (max_h == kUnbounded) return hours(min_h) + "時間以上";
    if (min_h <= 0) return hours(max_h) + "時間未満";
    return hours(min_h) + "時間以上" + hours(max_h) + "時間未満";
}

const char* to_string(FloodScenario s) {
    return s == FloodScenario::Unknown ? "" : EnumTable<FloodScenario>(kFloodScenarioNames).name(s);
}
const char* label_ja(FloodScenario s) {
    return s == FloodScenario::Unknown ? "" : EnumTable<FloodScenario>(kFloodScenarioNames).label(s);
}

const char* to_string(ShelterType t) { return EnumTable<ShelterType>(kShelterTypeNames).name(t); }
const char* label_ja(ShelterType t) { return EnumTable<ShelterType>(kShelterTypeNames).label(t); }
namespace {
struct DataTerm {
    const char* ja;
    const char* en;
};
constexpr DataTerm kDataTerms[] = {
    {"急傾斜地の崩壊", "steep slope failure"}, {"急傾斜地", "steep slope"},     {"土石流", "debris flow"},
    {"地すべり", "landslide"},                 {"地滑り", "landslide"},         {"崖崩れ", "slope failure"},
    {"計画規模", "planned scale"},             {"想定最大規模", "maximum assumed scale"},
};
}  // namespace

std::string data_term(const std::string& term, Lang lang) {
    if (lang == Lang::Ja) return term;
    for (const auto& t : kDataTerms)
        if (term == t.ja) return t.en;
    return term;
}

const char* label(ShelterType t, Lang lang) { return EnumTable<ShelterType>(kShelterTypeNames).label(t, lang); }

}  // namespace sheetgen
