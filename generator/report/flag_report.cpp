#include "report/flag_report.hpp"

#include <cmath>
#include <cstdio>
#include <optional>

namespace sheetgen {

namespace {

std::string join(const std::vector<std::string>& parts, const std::string& sep) {
    std::string r;
    for (size_t i = 0; i < parts.size(); ++i) {
        if (i) r += sep;
        r += parts[i];
    }
    return r;
}

std::string depth_text(const Exposure& e) {
    if (!e.in_flood_zone) return "";
    if (!e.depth) return "区域内（深さ不明）";
    return e.depth->label_ja();
}

// The class of one scenario, as depth_text words it; "" outside its zones.
std::string scenario_depth_text(const Exposure& e, FloodScenario s) {
    const ScenarioDepth* d = e.scenario_depth(s);
    if (!d || !d->in_zone) return "";
    return d->depth ? d->depth->label_ja() : "区域内（深さ不明）";
}

std::optional<double> scenario_depth_min(const Exposure& e, FloodScenario s) {
    const ScenarioDepth* d = e.scenario_depth(s);
    return d && d->depth ? std::optional<double>(d->depth->min_m) : std::nullopt;
}

std::string duration_text(const Exposure& e) {
    if (!e.duration) return e.in_duration_zone ? "区域内（時間不明）" : "";
    return e.duration->label_ja();
}

std::string collapse_text(const Exposure& e) {
    std::vector<std::string> parts;
    if (e.in_house_collapse) {
        if (e.house_collapse_type == "flood_flow") parts.push_back("家屋倒壊等氾濫想定区域（氾濫流）");
        else if (e.house_collapse_type == "bank_erosion") parts.push_back("家屋倒壊等氾濫想定区域（河岸侵食）");
        else parts.push_back("家屋倒壊等氾濫想定区域");
    }
    if (e.in_landslide) parts.push_back(e.landslide_type.empty() ? "土砂災害警戒区域" : "土砂災害（" + e.landslide_type + "）");
    return join(parts, " / ");
}

// A JSON number, or null when it has no finite value: JSON has no inf/NaN,
// and an empty value would make the whole file unreadable.
std::string json_number(std::optional<double> value, int decimals) {
    if (!value || !std::isfinite(*value)) return "null";
    return format_fixed(*value, decimals);
}

std::string reasons(const Verdict& v, bool japanese) {
    std::vector<std::string> parts;
    for (const auto& r : v.reasons) parts.push_back(japanese ? r.ja : r.en);
    return join(parts, japanese ? " ／ " : " / ");
}

}  // namespace

std::string format_fixed(double value, int decimals) {
    if (!std::isfinite(value)) return "";
    // Half away from zero, as people round and as the documents print hours
    // (53.25 h is 53.3 everywhere); the 1e-9 absorbs binary noise (53.2499...).
    const double scale = std::pow(10.0, decimals);
    if (std::fabs(value) * scale < 1e15) value = std::round(value * scale + (value < 0 ? -1e-9 : 1e-9)) / scale;
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, value);  // "C" locale: the CLI never calls setlocale
    return buf;
}

std::string csv_field(const std::string& value) {
    std::string v = value;
    // A cell starting with = + - @ is run as a formula by Excel; names and
    // notes come from many hands, so defuse it the customary way.
    if (!v.empty() && (v[0] == '=' || v[0] == '+' || v[0] == '-' || v[0] == '@' || v[0] == '\t' || v[0] == '\r'))
        v.insert(v.begin(), '\'');
    bool quote = v.find_first_of(",\"\r\n") != std::string::npos;
    if (!quote) return v;
    std::string r = "\"";
    for (char c : v) {
        if (c == '"') r += '"';
        r += c;
    }
    r += '"';
    return r;
}

std::string json_string(const std::string& value) {
    std::string r = "\"";
    for (unsigned char c : value) {
        switch (c) {
            case '"': r += "\\\""; break;
            case '\\': r += "\\\\"; break;
            case '\n': r += "\\n"; break;
            case '\r': r += "\\r"; break;
            case '\t': r += "\\t"; break;
            default:
                if (c < 0x20) {
                    char buf[8];
                    std::snprintf(buf, sizeof buf, "\\u%04x", c);
                    r += buf;
                } else {
                    r += static_cast<char>(c);
                }
        }
    }
    r += '"';
    return r;
}

std::string flag_csv_header(const FlagColumns& columns) {
    std::string h = "\xEF\xBB\xBF"
           "ID,氏名,地区,優先度,action,行動,evacuation_start_alert_level,safe_floor,in_flood_zone,depth_min_m,"
           "想定浸水深,浸水継続時間,家屋倒壊・土砂災害,居室の階,停電時の電源(h),浸水時の電源(h),想定する停電(h),"
           "計画の避難場所,避難場所の確認,suggested_shelter,避難先（滞在）,避難先までの距離(m),"
           "逃げ遅れたときの避難場所,避難場所までの距離(m),調整が必要な福祉避難所,福祉避難所までの距離(m),"
           "reason_codes,理由,reasons (en)";
    if (columns.scenario_depths) h += ",浸水深（計画規模）,浸水深（想定最大規模）,判定に用いた想定";
    return h + "\r\n";
}

namespace {

std::string opt_fixed(const std::optional<double>& v, int decimals) { return v ? format_fixed(*v, decimals) : ""; }
std::string opt_int(const std::optional<int>& v) { return v ? std::to_string(*v) : ""; }

std::string stay_names(const Verdict& v) {
    std::vector<std::string> names;
    for (const auto& d : v.destinations)
        if (d.role == DestinationRole::Stay) names.push_back(d.name);
    return join(names, " / ");
}

std::string reason_codes(const Verdict& v) {
    std::vector<std::string> codes;
    for (const auto& r : v.reasons) codes.push_back(r.code);
    return join(codes, ",");
}

}  // namespace

std::string flag_csv_row(const Profile& p, const Verdict& v, const FlagColumns& columns) {
    const Exposure& e = v.exposure;
    const Destination* stay = v.first(DestinationRole::Stay);
    std::vector<std::string> cells;
    cells.push_back(csv_field(p.id));
    cells.push_back(csv_field(p.person.name));
    cells.push_back(csv_field(p.household.district));
    cells.push_back(to_string(v.level));
    cells.push_back(to_string(v.action));
    cells.push_back(csv_field(action_label_ja(v)));
    cells.push_back(opt_int(v.start_alert_level));
    cells.push_back(opt_int(v.safe_floor));
    cells.push_back(e.in_flood_zone ? "1" : "0");
    cells.push_back(e.depth ? format_fixed(e.depth->min_m, 1) : "");
    cells.push_back(csv_field(depth_text(e)));
    cells.push_back(csv_field(duration_text(e)));
    cells.push_back(csv_field(collapse_text(e)));
    cells.push_back(std::to_string(p.household.living_floor));
    cells.push_back(opt_fixed(v.power_hours, 1));
    cells.push_back(opt_fixed(v.flood_power_hours, 1));
    cells.push_back(v.outage_hours > 0 ? format_fixed(v.outage_hours, 0) : "");
    cells.push_back(csv_field(v.planned_shelter ? v.planned_shelter->name : p.evacuation.shelter));
    cells.push_back(csv_field(planned_status_label(v)));
    cells.push_back(csv_field(stay ? stay->name : ""));
    cells.push_back(csv_field(stay_names(v)));
    cells.push_back(stay && stay->distance_m ? format_fixed(*stay->distance_m, 0) : "");
    cells.push_back(csv_field(v.flee_site ? v.flee_site->name : ""));
    cells.push_back(v.flee_site ? format_fixed(v.flee_site->distance_m, 0) : "");
    cells.push_back(csv_field(v.suggested_welfare ? v.suggested_welfare->name : ""));
    cells.push_back(v.suggested_welfare ? format_fixed(v.suggested_welfare->distance_m, 0) : "");
    cells.push_back(csv_field(reason_codes(v)));
    cells.push_back(csv_field(reasons(v, true)));
    cells.push_back(csv_field(reasons(v, false)));
    if (columns.scenario_depths) {
        cells.push_back(csv_field(scenario_depth_text(e, FloodScenario::Planned)));
        cells.push_back(csv_field(scenario_depth_text(e, FloodScenario::Maximum)));
        cells.push_back(csv_field(e.in_flood_zone ? label_ja(e.depth_scenario) : ""));
    }
    return join(cells, ",") + "\r\n";
}

std::vector<Property> household_properties(const Profile& p, const Verdict& v, const FlagColumns& columns) {
    using T = Property::Type;
    const Exposure& e = v.exposure;
    const Destination* stay = v.first(DestinationRole::Stay);
    auto txt = [](const char* n, std::string s) { return Property{n, T::Text, std::move(s), std::nullopt}; };
    auto num = [](const char* n, T t, std::optional<double> x) {
        if (x && !std::isfinite(*x)) x.reset();  // null rather than an invalid number
        return Property{n, t, std::nullopt, x};
    };
    auto flag = [&](const char* n, bool b) { return num(n, T::Boolean, b ? 1.0 : 0.0); };
    auto opt_i = [](const std::optional<int>& i) { return i ? std::optional<double>(*i) : std::nullopt; };
    std::vector<Property> props = {
        txt("id", p.id),
        txt("name", p.person.name),
        txt("district", p.household.district),
        txt("level", to_string(v.level)),
        txt("action", to_string(v.action)),
        num("evacuation_start_alert_level", T::Integer, opt_i(v.start_alert_level)),
        num("safe_floor", T::Integer, opt_i(v.safe_floor)),
        flag("in_flood_zone", e.in_flood_zone),
        num("depth_min_m", T::Real, e.depth ? std::optional<double>(e.depth->min_m) : std::nullopt),
        txt("depth", depth_text(e)),
        txt("duration", duration_text(e)),
        flag("house_collapse", e.in_house_collapse),
        flag("landslide", e.in_landslide),
        num("living_floor", T::Integer, p.household.living_floor),
        num("power_hours", T::Real, v.power_hours),
        num("flood_power_hours", T::Real, v.flood_power_hours),
        num("outage_hours", T::Real, v.outage_hours > 0 ? std::optional<double>(v.outage_hours) : std::nullopt),
        txt("shelter_status", to_string(v.planned_shelter_status)),
        txt("suggested_shelter", stay ? stay->name : ""),
        num("suggested_distance_m", T::Real, stay ? stay->distance_m : std::nullopt),
        txt("flee_site", v.flee_site ? v.flee_site->name : ""),
        num("flee_distance_m", T::Real, v.flee_site ? std::optional<double>(v.flee_site->distance_m) : std::nullopt),
        txt("welfare_to_arrange", v.suggested_welfare ? v.suggested_welfare->name : ""),
        txt("reason_codes", reason_codes(v)),
        txt("reasons", reasons(v, true)),
        txt("reasons_en", reasons(v, false)),
    };
    if (columns.scenario_depths) {
        using S = FloodScenario;
        props.push_back(txt("depth_planned", scenario_depth_text(e, S::Planned)));
        props.push_back(num("depth_min_m_planned", T::Real, scenario_depth_min(e, S::Planned)));
        props.push_back(txt("depth_maximum", scenario_depth_text(e, S::Maximum)));
        props.push_back(num("depth_min_m_maximum", T::Real, scenario_depth_min(e, S::Maximum)));
        props.push_back(txt("depth_scenario", e.in_flood_zone ? to_string(e.depth_scenario) : ""));
    }
    return props;
}

std::string flag_geojson_header() {
    return "{\"type\":\"FeatureCollection\",\"name\":\"sheetgen-flag\",\"features\":[\n";
}

std::string flag_geojson_footer() { return "\n]}\n"; }

std::string flag_geojson_feature(const Profile& p, const Verdict& v, const FlagColumns& columns) {
    std::string s = "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[";
    s += json_number(p.household.location.lon, 6) + "," + json_number(p.household.location.lat, 6) + "]},";
    s += "\"properties\":{";
    bool first = true;
    for (const Property& prop : household_properties(p, v, columns)) {
        s += std::string(first ? "" : ",") + json_string(prop.name) + ":";
        first = false;
        if (prop.type == Property::Type::Text) s += json_string(prop.text.value_or(""));
        else if (!prop.number) s += "null";
        else if (prop.type == Property::Type::Boolean) s += *prop.number != 0 ? "true" : "false";
        else s += format_fixed(*prop.number, prop.type == Property::Type::Integer ? 0 : 1);
    }
    s += "}}";
    return s;
}

std::string format_level_summary(const LevelCounts& c) {
    std::string s;
    for (int i = 0; i < 4; ++i) {
        auto p = static_cast<Priority>(i);
        s += "  " + std::string(label_en(p)) + ": " + std::to_string(c.by_level[i]) + "\n";
    }
    return s;
}

}  // namespace sheetgen
