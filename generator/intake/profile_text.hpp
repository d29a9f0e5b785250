#pragma once
// Profiles written from ledger records, and re-imports merged into the text
// of an existing profile: only the lines of ledger-owned fields whose value
// changed are rewritten; every other byte (devices, contacts, plans,
// comments staff added by hand) stays as it was.
#include <optional>
#include <string>
#include <vector>

#include "common/date.hpp"
#include "intake/record.hpp"

namespace sheetgen::intake {

// A ledger-owned field: its path in the profile and its YAML text.
struct OwnedValue {
    std::string path;   // "person.name", "household.location" ...
    std::string yaml;   // the value as written after "key: "
};
// The fields the ledger owns for this record (only those the ledger knows).
// Location and location_source are included only when `with_location`.
std::vector<OwnedValue> owned_values(const Record& r, bool with_location = true);

// A new profile, marked as a draft (draft: true).
std::string new_profile_text(const Record& r, const Date& today);

struct MergeResult {
    std::string text;                   // the merged profile (== input when nothing changed)
    std::vector<std::string> changed;   // paths whose value changed, in owned order
    std::optional<std::string> error;   // the file could not be merged (left untouched)
};
// Updates `existing` (a profile's text) to the record. The location is
// updated only while the profile's household.location_source says the
// importer put it there (method ledger or gazetteer): a location staff set by
// hand is kept. `updated` becomes `today` when anything changed.
MergeResult merge_profile(const std::string& existing, const Record& r, const Date& today);

// A YAML double-quoted scalar.
std::string quote(const std::string& s);
// Shortest text that reads back as the same double.
std::string format_degrees(double v);

}  // namespace sheetgen::intake
