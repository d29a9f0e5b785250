#include "diff/snapshot.hpp"

#include <cmath>
#include <cstdlib>
#include <set>
#include <sys/stat.h>

#include "hazard/gdal_util.hpp"
#include "report/flag_report.hpp"

namespace sheetgen {

namespace {

using hazard_detail::QuietGdalErrors;

// Class bounds are multiples of 0.1 (m, h): compare them at that precision,
// as the GeoJSON prints them, so a list read back equals the verdict.
double tenth(double x) { return std::round(x * 10) / 10; }

const std::string* get(const FieldMap& f, const char* name) {
    auto it = f.find(name);
    return it == f.end() ? nullptr : &it->second;
}

std::string text(const FieldMap& f, const char* name) {
    const std::string* v = get(f, name);
    return v ? *v : std::string();
}

std::optional<double> number(const FieldMap& f, const char* name, const SourceLocation& where) {
    const std::string* v = get(f, name);
    if (!v || v->empty()) return std::nullopt;
    char* end = nullptr;
    double x = std::strtod(v->c_str(), &end);
    if (end == v->c_str() || *end != '\0' || !std::isfinite(x))
        throw InputError(where, std::string("field '") + name + "' is not a number: '" + *v + "'");
    return x;
}

std::optional<int> integer(const FieldMap& f, const char* name, const SourceLocation& where) {
    auto x = number(f, name, where);
    if (!x) return std::nullopt;
    return static_cast<int>(std::lround(*x));
}

bool boolean(const FieldMap& f, const char* name, const SourceLocation& where) {
    const std::string* v = get(f, name);
    if (!v || v->empty()) throw InputError(where, std::string("field '") + name + "' is missing");
    if (*v == "1" || *v == "true") return true;
    if (*v == "0" || *v == "false") return false;
    throw InputError(where, std::string("field '") + name + "' is not 0/1: '" + *v + "'");
}

bool has_code(const std::string& codes, const std::string& code) {
    size_t start = 0;
    while (start <= codes.size()) {
        size_t comma = codes.find(',', start);
        if (comma == std::string::npos) comma = codes.size();
        if (codes.compare(start, comma - start, code) == 0) return true;
        start = comma + 1;
    }
    return false;
}

// The lower bound of a duration label as DurationRange::label_ja prints it
// ("24時間以上72時間未満", "12時間未満" = from 0, "672時間以上").
std::optional<double> duration_min(const std::string& label) {
    if (label.empty() || label.find("不明") != std::string::npos) return std::nullopt;
    const std::string above = "時間以上";
    size_t at = label.find(above);
    if (at == std::string::npos) return 0.0;  // "N時間未満"
    char* end = nullptr;
    double x = std::strtod(label.c_str(), &end);
    if (end != label.c_str() + at) return std::nullopt;
    return x;
}

// ShelterStatus from the label flag's CSV prints (planned_status_label), for
// floods and for landslide-only households alike.
std::string status_from_label(const std::string& label) {
    static const std::map<std::string, std::string> table = [] {
        std::map<std::string, std::string> t;
        for (auto s : {ShelterStatus::Ok, ShelterStatus::NotPlanned, ShelterStatus::Unknown, ShelterStatus::NotForFlood,
                       ShelterStatus::InFloodZone, ShelterStatus::NoData, ShelterStatus::Isolated}) {
            Verdict v;
            v.planned_shelter_status = s;
            for (bool landslide : {false, true}) {
                v.planned_judged_for_landslide = landslide;
                t.emplace(planned_status_label(v), to_string(s));
            }
        }
        return t;
    }();
    auto it = table.find(label);
    return it == table.end() ? std::string() : it->second;
}

// flag's CSV header -> household_properties names. The CSV carries the
// collapse/landslide text and the planned-site label instead of flags/codes.
const std::map<std::string, std::string>& csv_columns() {
    static const std::map<std::string, std::string> m = {
        {"ID", "id"},
        {"氏名", "name"},
        {"地区", "district"},
        {"優先度", "level"},
        {"action", "action"},
        {"evacuation_start_alert_level", "evacuation_start_alert_level"},
        {"safe_floor", "safe_floor"},
        {"in_flood_zone", "in_flood_zone"},
        {"depth_min_m", "depth_min_m"},
        {"想定浸水深", "depth"},
        {"浸水継続時間", "duration"},
        {"家屋倒壊・土砂災害", "collapse_text"},
        {"計画の避難場所", "planned_shelter"},
        {"避難場所の確認", "shelter_status_label"},
        {"suggested_shelter", "suggested_shelter"},
        {"reason_codes", "reason_codes"},
    };
    return m;
}

}  // namespace

std::string undefuse(const std::string& cell) {
    if (cell.size() >= 2 && cell[0] == '\'' &&
        (cell[1] == '=' || cell[1] == '+' || cell[1] == '-' || cell[1] == '@' || cell[1] == '\t' || cell[1] == '\r'))
        return cell.substr(1);
    return cell;
}

Snapshot snapshot_from_fields(const FieldMap& f, const SourceLocation& where) {
    Snapshot s;
    s.id = text(f, "id");
    if (s.id.empty()) throw InputError(where, "no household id");
    s.name = text(f, "name");
    s.district = text(f, "district");
    s.level = text(f, "level");
    if (s.level.size() != 1 || s.level[0] < 'A' || s.level[0] > 'D')
        throw InputError(where, "household " + s.id + ": priority level is not A-D: '" + s.level + "'");
    s.action = text(f, "action");
    if (s.action.empty()) throw InputError(where, "household " + s.id + ": no action");
    s.start_alert_level = integer(f, "evacuation_start_alert_level", where);
    s.safe_floor = integer(f, "safe_floor", where);
    s.in_zone = boolean(f, "in_flood_zone", where);
    if (s.in_zone) {
        if (auto d = number(f, "depth_min_m", where)) s.depth_min_m = tenth(*d);
        s.depth_label = text(f, "depth");
    }
    s.duration_label = text(f, "duration");
    s.in_duration_zone = !s.duration_label.empty();
    if (auto d = duration_min(s.duration_label)) s.duration_min_h = tenth(*d);
    if (const std::string* c = get(f, "collapse_text")) {  // the CSV's text column
        s.house_collapse = c->find("家屋倒壊") != std::string::npos;
        s.landslide = c->find("土砂災害") != std::string::npos;
    } else {
        s.house_collapse = boolean(f, "house_collapse", where);
        s.landslide = boolean(f, "landslide", where);
    }
    s.suggested_shelter = text(f, "suggested_shelter");
    s.planned_shelter = text(f, "planned_shelter");
    if (const std::string* label = get(f, "shelter_status_label")) {
        s.planned_status = status_from_label(*label);
        if (s.planned_status.empty())
            throw InputError(where, "household " + s.id + ": unknown 避難場所の確認 '" + *label + "'");
    } else {
        s.planned_status = text(f, "shelter_status");
    }
    s.reason_codes = text(f, "reason_codes");
    s.covered = !has_code(s.reason_codes, "outside_hazard_data");
    return s;
}

Snapshot snapshot_of(const Profile& p, const Verdict& v) {
    FieldMap f;
    for (const Property& prop : household_properties(p, v)) {
        if (prop.type == Property::Type::Text) f[prop.name] = prop.text.value_or("");
        else if (prop.number) f[prop.name] = format_fixed(*prop.number, prop.type == Property::Type::Real ? 3 : 0);
    }
    f["planned_shelter"] = v.planned_shelter ? v.planned_shelter->name : p.evacuation.shelter;
    Snapshot s = snapshot_from_fields(f, SourceLocation{p.source_file, 0, 0});
    s.location = p.household.location;
    return s;
}

std::vector<Snapshot> read_flag_list(const std::string& path, std::vector<Diagnostic>& problems) {
    SourceLocation file_at{path, 0, 0};
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) throw InputError(file_at, "cannot read the earlier list: no such file");
    if (!S_ISREG(st.st_mode)) throw InputError(file_at, "the earlier list is not a regular file");
    hazard_detail::ensure_gdal_registered();
    QuietGdalErrors quiet;
    const bool is_csv = path.size() >= 4 && (path.compare(path.size() - 4, 4, ".csv") == 0 ||
                                             path.compare(path.size() - 4, 4, ".CSV") == 0);
    // Only the three formats flag writes; a CSV is read as text, every column a string.
    const char* const gpkg_json[] = {"GPKG", "GeoJSON", nullptr};
    const char* const csv[] = {"CSV", nullptr};
    GDALDatasetUniquePtr ds(GDALDataset::FromHandle(
        GDALOpenEx(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, is_csv ? csv : gpkg_json, nullptr, nullptr)));
    if (!ds) throw InputError(file_at, "cannot open the earlier list (a flag CSV, GeoJSON or GeoPackage): " +
                                           QuietGdalErrors::last_error());
    OGRLayer* layer = ds->GetLayerByName("households");
    if (!layer && ds->GetLayerCount() > 0) layer = ds->GetLayer(0);
    if (!layer) throw InputError(file_at, "the earlier list has no layer");
    OGRFeatureDefn* defn = layer->GetLayerDefn();
    std::vector<std::string> names;
    for (int i = 0; i < defn->GetFieldCount(); ++i) {
        std::string n = defn->GetFieldDefn(i)->GetNameRef();
        if (is_csv) {
            auto it = csv_columns().find(n);
            n = it == csv_columns().end() ? std::string() : it->second;
        }
        names.push_back(n);
    }
    const std::set<std::string> have(names.begin(), names.end());
    for (const char* need : {"id", "level", "action", "in_flood_zone"})
        if (!have.count(need))
            throw InputError(file_at, std::string("not a flag list: no '") + need + "' column" +
                                          (is_csv ? " (flag's CSV header expected)" : ""));
    std::vector<Snapshot> out;
    std::set<std::string> seen;
    layer->ResetReading();
    long row = 1;  // the header is line 1 of a CSV
    for (OGRFeatureUniquePtr feat(layer->GetNextFeature()); feat; feat.reset(layer->GetNextFeature())) {
        ++row;
        SourceLocation where{path, is_csv ? static_cast<int>(row) : 0, 0};
        if (!is_csv) where.file = path + " (feature " + std::to_string(row - 1) + ")";
        FieldMap f;
        for (int i = 0; i < static_cast<int>(names.size()); ++i) {
            if (names[i].empty() || !feat->IsFieldSetAndNotNull(i)) continue;
            std::string value = feat->GetFieldAsString(i);
            if (is_csv) value = undefuse(value);
            f[names[i]] = value;
        }
        try {
            Snapshot s = snapshot_from_fields(f, where);
            if (const OGRGeometry* g = feat->GetGeometryRef())
                if (wkbFlatten(g->getGeometryType()) == wkbPoint)
                    s.location = LatLon{g->toPoint()->getY(), g->toPoint()->getX()};
            if (!seen.insert(s.id).second) {
                problems.push_back({where, "household " + s.id + " appears twice in the earlier list (the first row is used)"});
                continue;
            }
            out.push_back(std::move(s));
        } catch (const InputError& e) {
            problems.push_back({e.where(), e.message() + " (row skipped)"});
        }
    }
    return out;
}

}  // namespace sheetgen
