#pragma once
// sheetgen import: ledgers (CSV / XLSX / ODS) to one draft profile per row,
// located from the ledger's coordinates or offline from the address; a
// re-import updates only what the ledger owns and changed.
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "commands/command_io.hpp"  // Streams: the same for every command (header only)
#include "common/atomic_file.hpp"
#include "common/date.hpp"

namespace sheetgen::intake {

struct ImportOptions {
    std::vector<std::string> ledgers;
    std::string out_dir;
    std::optional<std::string> mapping;          // mapping file (YAML)
    std::optional<std::string> gazetteer;        // MLIT CSV or OGR point layer
    std::optional<std::string> gazetteer_field;  // its town-name field (auto-detected when absent)
    std::optional<std::string> sheet;            // workbook sheet (layer)
    bool dry_run = false;                        // report what would change, write nothing
    OutputOptions output;
    std::optional<Date> today;                   // `updated` of changed profiles (default: today)
    std::optional<std::string> gazetteer_date;   // location_source.date (default: the file's date)
};

struct ImportResult {
    int created = 0;        // new profiles
    int updated = 0;        // existing profiles with changed ledger fields
    int unchanged = 0;      // existing profiles left byte-identical
    int skipped_rows = 0;   // rows reported and not imported
    std::vector<std::string> not_in_ledger;  // ids of profiles in the folder that no row has
    std::vector<std::string> diagnostics;    // every LEDGER:ROW: line written to err
    int exit_code() const { return skipped_rows > 0 ? 1 : 0; }
};

// Runs the import. Row problems go to `err` as "LEDGER:ROW: message" (ids,
// rows and columns only, never names or addresses); progress and the summary
// go to `out`. Throws InputError for an unusable ledger, mapping or gazetteer
// (nothing written) and OutputError when a profile cannot be written.
ImportResult run_import(const ImportOptions& opts, commands::Streams io);

}  // namespace sheetgen::intake
