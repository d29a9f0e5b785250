// sheetgen import: the command line of intake::run_import.
#include <ostream>

#include "cli/command.hpp"
#include "cli/common_options.hpp"
#include "cli/exit_codes.hpp"
#include "intake/import_lib.hpp"

namespace sheetgen::cli {

namespace {

const CommandSpec kImportSpec{
    "import",
    "LEDGER... --out DIR [--mapping MAP.yaml] [--gazetteer REF] [options]",
    "import the office's ledger (CSV / Excel) into draft profiles, geocoded offline",
    "Reads each LEDGER (CSV in UTF-8 or Shift_JIS, XLSX or ODS) and writes one draft\n"
    "profile DIR/<id>.yaml per row. A row without 緯度/経度 is located from its address\n"
    "with the gazetteer. An existing profile is updated only in the fields the ledger\n"
    "owns, where the value changed; everything else in it stays byte for byte.\n"
    "Bad rows are reported as LEDGER:ROW: message and skipped (docs/ledger-import.md).",
    {
        {"--out", "-o", "DIR", "folder of the profiles, required (created 0700 if missing)"},
        {"--mapping", "", "MAP.yaml", "column names, fixed values and codes of this ledger"},
        {"--gazetteer", "", "REF",
         "MLIT 位置参照情報 CSV (街区 or 大字・町丁目 level, as downloaded)\n"
         "or any OGR point layer with a town-name field"},
        {"--gazetteer-field", "", "FIELD", "the gazetteer's town-name field (default: auto-detected)"},
        {"--sheet", "", "NAME", "the workbook sheet to read (default: the first)"},
        {"--dry-run", "-n", "", "list what would be created or changed, row by row; write nothing"},
        {"--date", "", "YYYY-MM-DD", "'updated' of new and changed profiles (default: today)"},
        group_readable_option(),
    },
    "Profiles no row has are reported, never deleted. Messages name rows, columns\n"
    "and ids only, never names or addresses.",
    {kExitOk, kExitInvalidInput, kExitUsage, kExitFatalInput, kExitOutput, kExitResources, kExitInternal},
};

class ImportCommand : public Command {
public:
    const CommandSpec& spec() const override { return kImportSpec; }

    void setup(const Args& args) override {
        o_.ledgers = args.positionals();
        o_.out_dir = value_or_empty(args, "--out");
        o_.mapping = args.value("--mapping");
        o_.gazetteer = args.value("--gazetteer");
        o_.gazetteer_field = args.value("--gazetteer-field");
        o_.sheet = args.value("--sheet");
        o_.dry_run = args.flag("--dry-run");
        o_.today = as_of_date(args);
        o_.output = output_options(args);
        if (o_.ledgers.empty()) throw UsageError("no ledger given");
        if (o_.out_dir.empty()) throw UsageError("--out DIR is required");
    }

    int run(Streams io) override {
        const intake::ImportResult r = intake::run_import(o_, io);
        return r.exit_code() ? kExitInvalidInput : kExitOk;
    }

private:
    intake::ImportOptions o_;
};

}  // namespace

std::unique_ptr<Command> make_import_command() { return std::make_unique<ImportCommand>(); }

}  // namespace sheetgen::cli
