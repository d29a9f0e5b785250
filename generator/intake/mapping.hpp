#pragma once
// Which ledger column feeds which profile field. A built-in default knows
// the usual headers of a 名簿 export; a mapping file (YAML, see
// docs/ledger-import.md) renames columns, sets fixed values and maps codes.
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace sheetgen::intake {

enum class Field {
    Id, Name, Kana, Birthdate, Sex, Address, Phone, Lat, Lon, Floor, Consent, Reason, EmergencyContact, Supporter,
};
const char* to_string(Field f);  // the mapping file's name: id, name, kana ...
std::optional<Field> field_from_string(const std::string& s);
const std::vector<Field>& all_fields();

struct Mapping {
    std::map<std::string, Field> columns;  // ledger header (folded) -> field; wins over the default
    std::map<Field, std::string> fixed;    // a value for every row (the column, if any, is ignored)
    std::map<Field, std::map<std::string, std::string>> codes;  // cell -> value, before reading it
    std::string id_prefix;                 // put before every id (ids of 00123 -> tama-00123)
    std::vector<std::string> cities;       // addresses in other cities are errors
};

// Reads a mapping file; throws InputError at file:line:column.
Mapping load_mapping(const std::string& path);

// The column of each field in a ledger: the mapping's renames first, then the
// default header names. Headers are compared after folding width and spaces.
struct ColumnPlan {
    std::map<Field, int> column;
    std::vector<std::string> unmapped;  // headers no field reads (reported once)
};
ColumnPlan plan_columns(const Mapping& m, const std::vector<std::string>& headers);

}  // namespace sheetgen::intake
