#pragma once
// The changes list: CSV with the conventions of flag's at-risk CSV (UTF-8
// BOM, CRLF, RFC 4180 quoting, defused formulas, through report/'s own
// helpers) and the same rows as GeoJSON features for QGIS.
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

// A changes CSV (written by `diff`) read back through GDAL's CSV driver:
// each row's ID and change_codes, checked against the catalogue. A row with
// no ID, no code, an unknown code (named, with a suggestion), `unchanged`
// beside other codes, or an ID given twice is a located problem (file:row,
// the header being row 1) and its household is refused, never rendered
// without its box. Throws InputError naming the file when it cannot be read
// or is not a changes list (no ID and change_codes columns).
ChangeList read_change_list(const std::string& changes_csv);

}  // namespace sheetgen
