#pragma once
// One household's verdict reduced to what a hazard-map revision can change,
// in a form that is the same whether it comes from a verdict computed now or
// from a list an earlier `flag` wrote (CSV, GeoJSON or GeoPackage): both are
// read through report::household_properties' names, so a round trip through
// any of flag's outputs gives an equal snapshot.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "common/error.hpp"
#include "common/geo.hpp"
#include "profile/profile.hpp"
#include "risk/verdict.hpp"

namespace sheetgen {

struct Snapshot {
    std::string id, name, district;
    std::optional<LatLon> location;  // not in a CSV list
    // The flood data covers the address (no `outside_hazard_data` reason).
    bool covered = true;
    bool in_zone = false;                 // inside a flood zone (浸水想定区域)
    std::optional<double> depth_min_m;    // class lower bound; nullopt: out of zone or depth unknown
    std::string depth_label;              // as flag prints it ("" out of zone)
    bool in_duration_zone = false;
    std::optional<double> duration_min_h; // class lower bound; nullopt: none or unknown
    std::string duration_label;
    bool house_collapse = false, landslide = false;
    std::string collapse_label;           // 家屋倒壊・土砂災害 as flag prints it
    std::string action;                   // FloodAction code: leave_early ...
    std::optional<int> start_alert_level, safe_floor;
    std::string level;                    // staff priority "A".."D"
    std::string suggested_shelter;        // first place to stay (name)
    std::string planned_status;           // ShelterStatus code: ok, not_for_flood ...
    std::string planned_shelter;          // name; empty when the list does not carry it (GeoJSON/GPKG)
    std::string reason_codes;             // comma-separated, as flag writes them
};

// The snapshot of a verdict computed now (the verdict carries its Exposure).
Snapshot snapshot_of(const Profile& profile, const Verdict& verdict);

// Field name (household_properties' names) -> value as text; absent = null.
using FieldMap = std::map<std::string, std::string>;
// The snapshot from one record of flag's properties. Throws InputError (at
// `where`) when a field the comparison needs is missing or malformed.
Snapshot snapshot_from_fields(const FieldMap& fields, const SourceLocation& where);

// A saved flag output read back through GDAL/OGR: .gpkg (layer households),
// .geojson/.json or .csv (flag's Japanese/English header). Rows keep file
// order; a repeated id is reported in `problems` and skipped (the first wins),
// a malformed row likewise. Throws InputError when the file cannot be read as
// a flag list at all.
std::vector<Snapshot> read_flag_list(const std::string& path, std::vector<Diagnostic>& problems);

// Excel-defused text read back: flag's csv_field puts a ' before a leading
// = + - @ tab or CR; this takes it off again.
std::string undefuse(const std::string& cell);

}  // namespace sheetgen
