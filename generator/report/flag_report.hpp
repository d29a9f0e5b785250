#pragma once
// Staff-facing outputs of `flag`: an Excel-friendly CSV (UTF-8 with BOM,
// CRLF, RFC 4180 quoting) and GeoJSON for QGIS, one record per household.
#include <array>
#include <optional>
#include <vector>
#include <string>

#include "profile/profile.hpp"
#include "risk/verdict.hpp"

namespace sheetgen {

// Columns that depend on the hazard config: with flood depth layers of both
// scenarios (HazardSet::compares_scenarios), each one's depth and the one
// the verdict used. They come after the fixed columns, so a script reading
// the others by position or by name keeps working; without both scenarios
// the outputs are as before.
struct FlagColumns {
    bool scenario_depths = false;
};

// The CSV starts with a UTF-8 BOM so Excel opens Japanese text correctly.
std::string flag_csv_header(const FlagColumns& columns = {});
// One row, ending in "\r\n".
std::string flag_csv_row(const Profile& profile, const Verdict& verdict, const FlagColumns& columns = {});

// RFC 7946 FeatureCollection pieces (lon/lat WGS84), streamed by the caller:
// header, features separated by ",\n", footer.
std::string flag_geojson_header();
std::string flag_geojson_feature(const Profile& profile, const Verdict& verdict, const FlagColumns& columns = {});
std::string flag_geojson_footer();

// The per-household properties of the GeoJSON and the GeoPackage, in order:
// the stable contract staff scripts read (docs/risk-rules.md, "Outputs").
// A value that is missing or not a finite number is null.
struct Property {
    enum class Type { Text, Integer, Real, Boolean };
    const char* name;
    Type type;
    std::optional<std::string> text;  // Text
    std::optional<double> number;     // Integer, Real, Boolean (0/1)
};
std::vector<Property> household_properties(const Profile& profile, const Verdict& verdict,
                                           const FlagColumns& columns = {});

// Text helpers shared by the outputs.
std::string csv_field(const std::string& value);  // quotes, and defuses =,+,-,@ formula prefixes
std::string json_string(const std::string& value);
std::string format_fixed(double value, int decimals);  // locale-independent

struct LevelCounts {
    std::array<long, 4> by_level{};  // A, B, C, D
    long total() const { return by_level[0] + by_level[1] + by_level[2] + by_level[3]; }
    void add(Priority p) { ++by_level[static_cast<int>(p)]; }
};
// "A 3 · B 2 · C 2 · D 5" style summary lines (English, with Japanese level names).
std::string format_level_summary(const LevelCounts& counts);

}  // namespace sheetgen
