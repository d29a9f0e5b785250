// sheetgen diff: the command line of commands::diff_households.

#include "cli/command.hpp"
#include "cli/common_options.hpp"
#include "cli/exit_codes.hpp"
#include "diff/diff_lib.hpp"

namespace sheetgen::cli {

namespace {

const CommandSpec kDiffSpec{
    "diff",
    "--before OLD.yaml | --before-list OLD.{gpkg,csv,geojson} --after NEW.yaml PROFILE_OR_DIR... -o CHANGES.csv "
    "[options]",
    "list whose plans a hazard-map revision (or a year of changes) makes wrong",
    "Judges every household against the old and the new hazard data (or compares\n"
    "today's verdicts with a list an earlier `flag` wrote) and writes one row per\n"
    "household, the most urgent changes first, with stable change codes\n"
    "(docs/hazard-diff.md). With --before, the shelter changes go to\n"
    "CHANGES-shelters.csv. The terminal summary counts each code and names, by id,\n"
    "the households whose plans must be redone now.",
    {
        {"--before", "", "CONFIG", "the old hazard configuration (geodata/*.yaml)"},
        {"--before-list", "", "FILE", "instead: the CSV, GeoJSON or GeoPackage an earlier flag wrote"},
        {"--after", "", "CONFIG", "the new hazard configuration, required"},
        {"--out", "-o", "FILE", "changes CSV to write, required (UTF-8 with BOM: opens in Excel)"},
        {"--geojson", "", "FILE", "also write the same rows as GeoJSON points"},
        {"--gpkg", "", "FILE", "... and/or as a GeoPackage point layer 'changes'"},
        {"--html", "", "FILE",
         "... and/or as flag's self-contained map page (取扱注意), each household\n"
         "with its verdict after the revision and what changed (blue ring)"},
        {"--html-tiles", "", "URL", "add a base map to the page, as for flag"},
        {"--html-no-names", "", "", "households by id only (no names in the page), for meetings"},
        {"--date", "", "YYYY-MM-DD", "'today' for the 12-month review rule (default: today)"},
        jobs_option(),
        group_readable_option(),
        quiet_option(),
    },
    "Outputs must be regular files (or new), distinct from each other and from\n"
    "every input (profiles, configs, layer sources, the earlier list): checked\n"
    "before any work. Each option is given once. The page's Leaflet is read as for flag.",
    {kExitOk, kExitInvalidInput, kExitUsage, kExitFatalInput, kExitOutput, kExitResources, kExitInternal,
     kExitInterrupted},
};

class DiffCommand : public Command {
public:
    const CommandSpec& spec() const override { return kDiffSpec; }

    void setup(const Args& args) override {
        o_.before_config = value_or_empty(args, "--before");
        o_.before_list = value_or_empty(args, "--before-list");
        o_.after_config = value_or_empty(args, "--after");
        o_.out_csv = value_or_empty(args, "--out");
        o_.geojson = args.value("--geojson");
        o_.gpkg = args.value("--gpkg");
        o_.html = args.value("--html");
        o_.html_map.tiles_url = args.value("--html-tiles");
        o_.html_map.no_names = args.flag("--html-no-names");
        o_.leaflet_dir = leaflet_dir(o_.leaflet_dir);
        o_.profile_paths = args.positionals();
        o_.as_of = as_of_date(args);
        o_.run = run_settings(args);
        quiet_ = args.flag("--quiet");
    }

    int run(Streams io) override {
        arm(o_.run, io, quiet_);
        const commands::DiffResult r = commands::diff_households(o_, io);
        if (r.interrupted) {
            io.err << "sheetgen diff: interrupted after " << r.households_seen << " of " << r.profile_files
                   << " households; nothing written (a partial list would miss households)\n";
            return kExitInterrupted;
        }
        return r.skipped || r.before_list_problems ? kExitInvalidInput : kExitOk;
    }

private:
    commands::DiffOptions o_;
    bool quiet_ = false;
};

}  // namespace

std::unique_ptr<Command> make_diff_command() { return std::make_unique<DiffCommand>(); }

}  // namespace sheetgen::cli
