#pragma once
// The changes list: CSV with the conventions of flag's at-risk CSV (UTF-8
// BOM, CRLF, RFC 4180 quoting, defused formulas, through report/'s own
// helpers) and the same rows as GeoJSON features for QGIS.
#include <set>
#include <string>
#include <vector>

#include "diff/changes.hpp"
#include "report/flag_report.hpp"

namespace sheetgen {

std::string changes_csv_header();
std::string changes_csv_row(const ChangeRow& row);  // ends in "\r\n"

// `;`-separated codes, most urgent first (the change_codes column).
std::string change_codes(const ChangeRow& row);

// The properties of one row for GeoJSON and GeoPackage, in order: id, name,
// district, before_* and after_* (the CSV's before/after columns), change_codes,
// changes, changes_en, redo.
std::vector<Property> change_properties(const ChangeRow& row);

// GeoJSON pieces (streamed like flag's): header, features joined by ",\n",
// footer. A row with no location (a CSV "before" list of a removed
// household) gets a null geometry.
std::string changes_geojson_header();
std::string changes_geojson_feature(const ChangeRow& row);
std::string changes_geojson_footer();

// The ids of a changes CSV (written by `diff`) whose plans changed: every
// row but `unchanged` and `household_removed`. Read through GDAL's CSV
// driver. Throws InputError naming the file when it is not a changes list.
std::set<std::string> read_changed_ids(const std::string& changes_csv);

}  // namespace sheetgen
