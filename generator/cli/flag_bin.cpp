// sheetgen flag: the command line of commands::flag_households.
#include <ostream>

#include "cli/command.hpp"
#include "cli/common_options.hpp"
#include "cli/exit_codes.hpp"
#include "commands/flag_lib.hpp"

namespace sheetgen::cli {

namespace {

const CommandSpec kFlagSpec{
    "flag",
    "--hazards CONFIG PROFILE_OR_DIR... -o OUT.csv [options]",
    "overlay households on hazard layers, list who is at risk",
    "Overlays each household on the hazard layers of CONFIG, gives it a priority\n"
    "level (A evacuate early .. D outside all zones) with reasons, and writes a\n"
    "CSV sorted by priority (UTF-8 with BOM: opens in Excel).",
    {
        hazards_option(),
        {"--out", "-o", "FILE", "CSV to write, required"},
        {"--geojson", "", "FILE", "also write the households with their verdicts as GeoJSON"},
        {"--gpkg", "", "FILE", "... and/or as a GeoPackage point layer 'households' (input order)"},
        {"--html", "", "FILE",
         "... and/or as one self-contained map page for staff (Leaflet\n"
         "from libjs-leaflet inlined, no external references; 取扱注意)"},
        {"--html-tiles", "", "URL",
         "add a base map to the page (e.g. a GSI tile URL with {z}/{x}/{y});\n"
         "the page names it. Default: no base map, works offline"},
        {"--html-no-names", "", "", "households by id only (no names in the page), for meetings"},
        {"--pdf-dir", "", "DIR",
         "link each household to DIR/<id>.pdf and <id>-ventilator-plan.pdf\n"
         "when they exist (relative links, from a 'render --out DIR')"},
        {"--date", "", "YYYY-MM-DD", "'today' for the 12-month review rule (default: today)"},
        jobs_option(),
        group_readable_option(),
        timings_option(),
        quiet_option(),
    },
    "Outputs must be regular files (or new), distinct from each other and from\n"
    "every input (profiles, config, layer sources): checked before any work.\n"
    "Each option is given once. The page's Leaflet is read from $SHEETGEN_LEAFLET_DIR,\n"
    "else /usr/share/javascript/leaflet (Debian's libjs-leaflet).",
    {kExitOk, kExitInvalidInput, kExitUsage, kExitFatalInput, kExitOutput, kExitResources, kExitInternal,
     kExitInterrupted},
};

class FlagCommand : public Command {
public:
    const CommandSpec& spec() const override { return kFlagSpec; }

    void setup(const Args& args) override {
        o_.hazards_config = value_or_empty(args, "--hazards");
        o_.out_csv = value_or_empty(args, "--out");
        o_.profile_paths = args.positionals();
        o_.geojson = args.value("--geojson");
        o_.gpkg = args.value("--gpkg");
        o_.html = args.value("--html");
        o_.html_map.tiles_url = args.value("--html-tiles");
        o_.html_map.no_names = args.flag("--html-no-names");
        o_.pdf_dir = args.value("--pdf-dir");
        o_.leaflet_dir = leaflet_dir(o_.leaflet_dir);
        o_.as_of = as_of_date(args);
        o_.run = run_settings(args);
        timings_ = args.flag("--timings");
        quiet_ = args.flag("--quiet");
    }

    int run(Streams io) override {
        arm(o_.run, io, quiet_);
        const commands::FlagResult r = commands::flag_households(o_, io);
        if (r.interrupted) {
            io.err << "sheetgen flag: interrupted after " << r.households_seen << " of " << r.profile_files
                   << " households; no list written (a partial list would miss households)\n";
            return kExitInterrupted;
        }
        print_summary(io.out, r);
        if (timings_) print_timings(io.err, r);
        return r.skipped ? kExitInvalidInput : kExitOk;
    }

private:
    void print_summary(std::ostream& out, const commands::FlagResult& r) const {
        out << r.counts.total() << " households flagged";
        if (r.skipped) out << ", " << r.skipped << " skipped (invalid profiles, see above)";
        out << "\n" << format_level_summary(r.counts) << "wrote " << o_.out_csv;
        for (const auto* extra : {&o_.geojson, &o_.gpkg, &o_.html})
            if (*extra) out << ", " << **extra;
        out << "\n";
    }

    void print_timings(std::ostream& err, const commands::FlagResult& r) const {
        err << "timings: households=" << r.profile_files << " jobs=" << o_.run.jobs
            << " load_hazards_ms=" << format_ms(r.load_ns) << " parse_cpu_ms=" << format_ms(r.cpu.parse_ns)
            << " overlay_cpu_ms=" << format_ms(r.cpu.overlay_ns) << " assess_cpu_ms=" << format_ms(r.cpu.assess_ns)
            << " write_ms=" << format_ms(r.write_ns) << " total_ms=" << format_ms(r.total_ns)
            << " zone_polygons=" << r.zone_polygons << "\n";
    }

    commands::FlagOptions o_;
    bool timings_ = false, quiet_ = false;
};

}  // namespace

std::unique_ptr<Command> make_flag_command() { return std::make_unique<FlagCommand>(); }

}  // namespace sheetgen::cli
