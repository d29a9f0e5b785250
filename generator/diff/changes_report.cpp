#include "diff/changes_report.hpp"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>
#include <sys/stat.h>

#include <algorithm>
#include <map>

#include "common/did_you_mean.hpp"
#include "common/error.hpp"
#include "diff/snapshot.hpp"
#include "hazard/gdal_util.hpp"

#include "report/flag_report.hpp"

namespace sheetgen {

namespace {

std::string opt_int(const std::optional<int>& v) { return v ? std::to_string(*v) : ""; }

std::string join(const std::vector<Change>& changes, std::string Change::*field, const std::string& sep) {
    std::string r;
    for (size_t i = 0; i < changes.size(); ++i) r += (i ? sep : "") + changes[i].*field;
    return r;
}

// One side's values, in the header's order; all empty when the side is absent.
std::vector<std::string> side(const std::optional<Snapshot>& s) {
    if (!s) return std::vector<std::string>(10, "");
    return {
        s->in_zone ? "1" : "0",
        depth_label(*s),
        s->in_duration_zone ? s->duration_label : "",
        collapse_label(*s),
        action_label_ja(s->action),
        opt_int(s->start_alert_level),
        opt_int(s->safe_floor),
        s->level,
        s->suggested_shelter,
        s->planned_status,
    };
}

const char* const kSideColumns[] = {"浸水想定区域内", "想定浸水深", "浸水継続時間", "家屋倒壊・土砂災害", "行動",
                                    "避難開始の警戒レベル", "浸水しない階", "優先度", "避難先（滞在）",
                                    "計画の避難場所の確認"};

}  // namespace

std::string change_codes(const ChangeRow& row) {
    std::string r;
    for (size_t i = 0; i < row.changes.size(); ++i) r += (i ? ";" : "") + row.changes[i].code;
    return r;
}

std::string changes_csv_header() {
    std::string h = "\xEF\xBB\xBF" "ID,氏名,地区";
    for (const char* prefix : {"変更前:", "変更後:"})
        for (const char* c : kSideColumns) h += std::string(",") + prefix + c;
    return h + ",change_codes,変化の内容,changes (en)\r\n";
}

std::string changes_csv_row(const ChangeRow& row) {
    const Snapshot& s = row.after ? *row.after : *row.before;
    std::string r = csv_field(s.id) + "," + csv_field(s.name) + "," + csv_field(s.district);
    for (const auto* snap : {&row.before, &row.after})
        for (const std::string& cell : side(*snap)) r += "," + csv_field(cell);
    r += "," + csv_field(change_codes(row));
    r += "," + csv_field(join(row.changes, &Change::ja, " ／ "));
    r += "," + csv_field(join(row.changes, &Change::en, " / "));
    return r + "\r\n";
}

std::string changes_geojson_header() {
    return "{\"type\":\"FeatureCollection\",\"name\":\"sheetgen-diff\",\"features\":[\n";
}
std::string changes_geojson_footer() { return "\n]}\n"; }

std::vector<Property> change_properties(const ChangeRow& row) {
    using T = Property::Type;
    static const char* const kBefore[] = {"before_in_zone", "before_depth", "before_duration",
                                          "before_collapse_landslide", "before_action", "before_start_alert_level",
                                          "before_safe_floor", "before_level", "before_suggested_shelter",
                                          "before_planned_shelter_status"};
    static const char* const kAfter[] = {"after_in_zone", "after_depth", "after_duration",
                                         "after_collapse_landslide", "after_action", "after_start_alert_level",
                                         "after_safe_floor", "after_level", "after_suggested_shelter",
                                         "after_planned_shelter_status"};
    const Snapshot& s = row.after ? *row.after : *row.before;
    auto txt = [](const char* n, std::string v) { return Property{n, T::Text, std::move(v), std::nullopt}; };
    std::vector<Property> p = {txt("id", s.id), txt("name", s.name), txt("district", s.district)};
    const std::vector<std::string> before = side(row.before), after = side(row.after);
    for (size_t i = 0; i < before.size(); ++i) p.push_back(txt(kBefore[i], before[i]));
    for (size_t i = 0; i < after.size(); ++i) p.push_back(txt(kAfter[i], after[i]));
    p.push_back(txt("change_codes", change_codes(row)));
    p.push_back(txt("changes", join(row.changes, &Change::ja, " ／ ")));
    p.push_back(txt("changes_en", join(row.changes, &Change::en, " / ")));
    p.push_back(Property{"redo", T::Boolean, std::nullopt, row.redo() ? 1.0 : 0.0});
    return p;
}

std::string changes_geojson_feature(const ChangeRow& row) {
    const Snapshot& s = row.after ? *row.after : *row.before;
    std::string f = "{\"type\":\"Feature\",\"geometry\":";
    if (s.location)
        f += "{\"type\":\"Point\",\"coordinates\":[" + format_fixed(s.location->lon, 6) + "," +
             format_fixed(s.location->lat, 6) + "]}";
    else
        f += "null";
    f += ",\"properties\":{";
    bool first = true;
    for (const Property& p : change_properties(row)) {
        f += (first ? "" : ",") + json_string(p.name) + ":";
        first = false;
        if (p.type == Property::Type::Boolean) f += p.number && *p.number != 0 ? "true" : "false";
        else f += json_string(p.text.value_or(""));
    }
    return f + "}}";
}

namespace {

// The codes of one change_codes cell, most urgent first, or why they cannot
// be used. Spaces around a code are allowed (a list edited by hand).
std::vector<std::string> parse_codes(const std::string& cell, std::string& problem) {
    std::vector<std::string> codes;
    for (size_t b = 0; b <= cell.size();) {
        const size_t e = std::min(cell.find(';', b), cell.size());
        std::string code = cell.substr(b, e - b);
        b = e + 1;
        code.erase(0, code.find_first_not_of(" \t"));
        code.erase(code.find_last_not_of(" \t") + 1);
        if (code.empty()) continue;
        if (!find_change_def(code)) {
            const std::string near = did_you_mean(code, change_code_names());
            problem = "unknown change code '" + code + "'" +
                      (near.empty() ? " (known: " + join_names(change_code_names()) + ")"
                                    : " (did you mean '" + near + "'?)");
            return {};
        }
        if (std::find(codes.begin(), codes.end(), code) == codes.end()) codes.push_back(code);
    }
    if (codes.empty()) problem = "no change code (the change_codes cell is empty)";
    for (const char* alone : {"unchanged", "household_removed"})
        if (codes.size() > 1 && std::find(codes.begin(), codes.end(), alone) != codes.end())
            problem = std::string("'") + alone + "' cannot stand beside other change codes";
    if (!problem.empty()) return {};
    std::sort(codes.begin(), codes.end(),
              [](const std::string& x, const std::string& y) { return change_rank(x) < change_rank(y); });
    return codes;
}

// The changes list's layer (GDAL's CSV driver, every column a string) and
// the indices of its ID and change_codes columns.
struct ChangeLayer {
    GDALDatasetUniquePtr ds;
    OGRLayer* layer = nullptr;
    int id = -1, codes = -1;
};

ChangeLayer open_change_list(const std::string& path) {
    const SourceLocation file_at{path, 0, 0};
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode))
        throw InputError(file_at, "cannot read the changes list: not a regular file");
    hazard_detail::ensure_gdal_registered();
    const char* const csv[] = {"CSV", nullptr};
    ChangeLayer c;
    c.ds.reset(GDALDataset::FromHandle(GDALOpenEx(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, csv, nullptr, nullptr)));
    c.layer = c.ds ? c.ds->GetLayer(0) : nullptr;
    if (!c.layer) throw InputError(file_at, "cannot open the changes list (a CSV written by sheetgen diff)");
    c.id = c.layer->GetLayerDefn()->GetFieldIndex("ID");
    c.codes = c.layer->GetLayerDefn()->GetFieldIndex("change_codes");
    if (c.id < 0 || c.codes < 0)
        throw InputError(file_at, "not a changes list: no 'ID' and 'change_codes' columns (write it with sheetgen diff)");
    return c;
}

}  // namespace

ChangeList read_change_list(const std::string& path) {
    hazard_detail::QuietGdalErrors quiet;
    ChangeLayer c = open_change_list(path);
    ChangeList list;
    std::map<std::string, int> first_row;
    int row = 1;  // the header is row 1
    for (OGRFeatureUniquePtr f(c.layer->GetNextFeature()); f; f.reset(c.layer->GetNextFeature())) {
        const SourceLocation at{path, ++row, 0};
        const std::string id = undefuse(f->GetFieldAsString(c.id));
        if (id.empty()) {
            list.problems.push_back({at, "row without an ID (row skipped)"});
            continue;
        }
        std::string problem;
        std::vector<std::string> codes = parse_codes(f->GetFieldAsString(c.codes), problem);
        if (auto [it, fresh] = first_row.emplace(id, row); !fresh)
            problem = "household " + id + " appears again (first at row " + std::to_string(it->second) +
                      "): which codes apply is unknown";
        if (problem.empty()) {  // (a refused id has appeared before: it always has a problem here)
            list.codes[id] = std::move(codes);
            continue;
        }
        list.problems.push_back({at, "household " + id + ": " + problem + "; household not rendered"});
        list.refused_ids.insert(id);
        list.codes.erase(id);
    }
    return list;
}

}  // namespace sheetgen
