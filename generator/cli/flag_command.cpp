// sheetgen flag: profiles + hazard layers -> verdicts -> at-risk CSV / GeoJSON.
#include <array>
#include <atomic>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <sstream>

#include "cli/args.hpp"
#include "cli/commands.hpp"
#include "cli/common_options.hpp"
#include "cli/exit_codes.hpp"
#include "cli/interrupt.hpp"
#include "cli/io_guard.hpp"
#include "cli/ordered_pool.hpp"
#include "cli/progress.hpp"
#include "common/atomic_file.hpp"
#include "common/error.hpp"
#include "hazard/config.hpp"
#include "hazard/hazard_set.hpp"
#include "profile/parse.hpp"
#include "report/flag_report.hpp"
#include "report/gpkg_writer.hpp"
#include "report/html_map.hpp"
#include "risk/verdict.hpp"

namespace sheetgen::cli {

namespace {

const char* kFlagHelp =
    "usage: sheetgen flag --hazards CONFIG PROFILE_OR_DIR... -o OUT.csv [options]\n"
    "\n"
    "Overlays each household on the hazard layers of CONFIG, gives it a priority\n"
    "level (A evacuate early .. D outside all zones) with reasons, and writes a\n"
    "CSV sorted by priority (UTF-8 with BOM: opens in Excel).\n"
    "\n"
    "options:\n"
    "  --hazards CONFIG     hazard configuration (geodata/*.yaml), required\n"
    "  -o, --out FILE       CSV to write, required\n"
    "  --geojson FILE       also write the households with their verdicts as GeoJSON\n"
    "  --gpkg FILE          ... and/or as a GeoPackage point layer 'households' (input order)\n"
    "  --html FILE          ... and/or as one self-contained map page for staff (Leaflet\n"
    "                       from libjs-leaflet inlined, no external references; 取扱注意)\n"
    "  --html-tiles URL     add a base map to the page (e.g. a GSI tile URL with {z}/{x}/{y});\n"
    "                       the page names it. Default: no base map, works offline\n"
    "  --html-no-names      households by id only (no names in the page), for meetings\n"
    "  --pdf-dir DIR        link each household to DIR/<id>.pdf and <id>-ventilator-plan.pdf\n"
    "                       when they exist (relative links, from a 'render --out DIR')\n"
    "  --date YYYY-MM-DD    'today' for the 12-month review rule (default: today)\n"
    "  --jobs N             worker threads (default: number of cores)\n"
    "  --group-readable     create outputs 0640 instead of 0600\n"
    "  --timings            print phase timings to stderr\n"
    "  -q, --quiet          no progress bar\n"
    "\n"
    "Outputs must be regular files (or new), distinct from each other and from\n"
    "every input (profiles, config, layer sources): checked before any work.\n"
    "Each option is given once.\n"
    "\n"
    "exit: 0 all households flagged, 1 some profiles invalid (reported, skipped),\n"
    "      2 usage (also: an output that is an input, another output, a link or device),\n"
    "      3 hazard config/layer unusable, 4 output not written,\n"
    "      5 out of memory / system limits, 130 interrupted (within ~2 s of one signal)\n";

// Zones on the page are simplified to a few metres: invisible on screen, and
// it keeps the page small (a real river layer has millions of vertices).
constexpr double kHtmlZoneToleranceM = 3.0;

struct Item {
    size_t index = 0;
    bool ok = false;
    std::vector<Diagnostic> diagnostics;
    std::string id;
    SourceLocation id_at;
    Priority level = Priority::D;
    std::string csv_row;
    std::string geojson;
    HtmlRecord html;
    // Only with --gpkg: the sink writes it straight away (GDAL is single-threaded here).
    std::unique_ptr<std::pair<Profile, Verdict>> record;
};

struct Chunk {
    std::vector<Item> items;
    long long parse_ns = 0, overlay_ns = 0, assess_ns = 0;
};

}  // namespace

int run_flag(const std::vector<std::string>& argv, Streams io) {
    try {
        Args args(argv, {"--hazards", "--out", "--geojson", "--gpkg", "--date", "--jobs", "--html", "--html-tiles", "--pdf-dir"},
                  {"--help", "--quiet", "--timings", "--group-readable", "--html-no-names"},
                  {{"-o", "--out"}, {"-h", "--help"}, {"-q", "--quiet"}});
        if (args.flag("--help")) {
            io.out << kFlagHelp;
            return kExitOk;
        }
        auto hazards_path = args.value("--hazards");
        auto out_path = args.value("--out");
        if (!hazards_path) throw UsageError("--hazards CONFIG is required");
        if (!out_path) throw UsageError("-o OUT.csv is required");
        if (args.positionals().empty()) throw UsageError("give at least one profile file or directory");
        const Date as_of = as_of_date(args);
        const unsigned jobs = job_count(args);
        const OutputOptions out_opts = output_options(args);
        const auto geojson_path = args.value("--geojson");
        const auto gpkg_path = args.value("--gpkg");
        const bool timings = args.flag("--timings");
        const auto html_path = args.value("--html");
        HtmlMapOptions html_opts;
        html_opts.tiles_url = args.value("--html-tiles");
        html_opts.no_names = args.flag("--html-no-names");
        html_opts.as_of = as_of.iso();
        const auto pdf_dir = args.value("--pdf-dir");
        if (!html_path && (html_opts.tiles_url || html_opts.no_names || pdf_dir))
            throw UsageError("--html-tiles, --html-no-names and --pdf-dir go with --html FILE");
        if (html_opts.tiles_url && html_opts.tiles_url->rfind("https://", 0) != 0 &&
            html_opts.tiles_url->rfind("http://", 0) != 0)
            throw UsageError("--html-tiles wants a tile URL starting with https:// (e.g. .../{z}/{x}/{y}.png)");
        // Leaflet is read before anything else, so a missing package stops the run with nothing written.
        LeafletAssets leaflet;
        if (html_path) {
            const char* dir = std::getenv("SHEETGEN_LEAFLET_DIR");
            leaflet = load_leaflet_assets(dir && *dir ? dir : kLeafletDir);
        }
        const std::string pdf_href = html_path && pdf_dir ? relative_href_prefix(*html_path, *pdf_dir) : "";
        const auto& interrupted = install_interrupt_handlers();

        PhaseClock total_clock;
        // 0. Before any work: the inputs, and no output may destroy one of
        // them or another output.
        PhaseClock load_clock;
        const HazardConfig hazard_config = load_hazard_config(*hazards_path);
        std::vector<Diagnostic> path_problems;
        const std::vector<std::string> paths = expand_profile_paths(args.positionals(), path_problems);
        IoGuard guard;
        guard.add_hazard_inputs(*hazards_path, hazard_config);
        guard.add_profiles(paths);
        guard.add_output(*out_path, "-o");
        if (geojson_path) guard.add_output(*geojson_path, "--geojson");
        if (gpkg_path) guard.add_output(*gpkg_path, "--gpkg");
        if (html_path) guard.add_output(*html_path, "--html");
        guard.forget_profiles();  // every output is checked: memory stays flat

        // 1. Hazards, once per run.
        std::vector<Diagnostic> warnings;
        HazardSet hazards = HazardSet::load(hazard_config, &warnings);
        for (const auto& w : warnings) io.err << format_diagnostic(w) << "\n";
        const long long load_ns = load_clock.elapsed_ns();
        html_opts.hazards_name = hazards.name();

        // 2. Profiles, streamed: only the current window of households is in memory.
        for (const auto& d : path_problems) io.err << format_diagnostic(d) << "\n";

        RiskOptions risk;
        risk.as_of = as_of;
        constexpr size_t kChunk = 64;
        const size_t chunks = (paths.size() + kChunk - 1) / kChunk;

        // Rows go to one scratch file per priority level beside the output, so
        // memory does not grow with the number of households; at the end they
        // are streamed, level by level, into the final files.
        const auto dir_of = [](const std::string& f) {
            auto slash = f.find_last_of('/');
            return slash == std::string::npos ? std::string(".") : f.substr(0, slash);
        };
        std::array<std::unique_ptr<SpillFile>, 4> csv_rows, geo_rows, html_rows;
        try {
            ensure_parent_directory(*out_path, out_opts);
            if (geojson_path) ensure_parent_directory(*geojson_path, out_opts);
            if (html_path) ensure_parent_directory(*html_path, out_opts);
            for (int l = 0; l < 4; ++l) {
                csv_rows[l] = std::make_unique<SpillFile>(dir_of(*out_path));
                if (geojson_path) geo_rows[l] = std::make_unique<SpillFile>(dir_of(*geojson_path));
                if (html_path) html_rows[l] = std::make_unique<SpillFile>(dir_of(*html_path));
            }
        } catch (const OutputError& e) {
            // Name the output the user asked for; the scratch files are ours.
            io.err << "sheetgen flag: cannot write " << *out_path << ": " << e.what() << "\n";
            return kExitOutput;
        }
        IdRegistry seen_ids;
        HtmlSentences html_sentences;
        LevelCounts counts;
        size_t invalid = path_problems.size(), done = 0;
        long long parse_ns = 0, overlay_ns = 0, assess_ns = 0;
        Progress progress(io.err, io.err_is_tty && !args.flag("--quiet"), paths.size(), "flag");
        std::unique_ptr<GpkgWriter> gpkg;
        if (gpkg_path) {
            try {
                ensure_parent_directory(*gpkg_path, out_opts);
                gpkg = std::make_unique<GpkgWriter>(*gpkg_path, as_of, out_opts);
            } catch (const OutputError& e) {
                io.err << "sheetgen flag: " << e.what() << "\n";
                return kExitOutput;
            }
        }

        auto work = [&](size_t c) {
            Chunk chunk;
            const size_t begin = c * kChunk, end = std::min(paths.size(), begin + kChunk);
            for (size_t i = begin; i < end; ++i) {
                Item item;
                item.index = i;
                ThreadCpuClock t0;
                ProfileResult parsed = load_profile_file(paths[i]);
                chunk.parse_ns += t0.elapsed_ns();
                item.diagnostics = std::move(parsed.diagnostics);
                if (parsed.ok() && parsed.profile) {
                    const Profile& p = *parsed.profile;
                    ThreadCpuClock t1;
                    Exposure e = hazards.expose(p.household.location);
                    chunk.overlay_ns += t1.elapsed_ns();
                    ThreadCpuClock t2;
                    Verdict v = assess(p, e, hazards.shelters(), risk);
                    item.ok = true;
                    item.id = p.id;
                    item.id_at = parsed.id_at;
                    item.level = v.level;
                    item.csv_row = flag_csv_row(p, v);
                    if (geojson_path) item.geojson = flag_geojson_feature(p, v);
                    if (html_path)
                        item.html = html_household_record(
                            p, v, html_opts, pdf_dir ? find_pdf_links(*pdf_dir, pdf_href, p.id) : HtmlPdfLinks{});
                    if (gpkg_path)
                        item.record = std::make_unique<std::pair<Profile, Verdict>>(std::move(*parsed.profile),
                                                                                    std::move(v));
                    chunk.assess_ns += t2.elapsed_ns();
                }
                chunk.items.push_back(std::move(item));
            }
            return chunk;
        };
        auto sink = [&](size_t, Chunk&& chunk) {
            parse_ns += chunk.parse_ns;
            overlay_ns += chunk.overlay_ns;
            assess_ns += chunk.assess_ns;
            for (Item& item : chunk.items) {
                ++done;
                for (const auto& d : item.diagnostics) io.err << format_diagnostic(d) << "\n";
                if (!item.ok) {
                    ++invalid;
                    continue;
                }
                if (auto dup = seen_ids.add(item.id, item.id_at)) {  // the first household with an id wins
                    io.err << format_diagnostic(*dup) << " (household skipped)\n";
                    ++invalid;
                    continue;
                }
                const int level = static_cast<int>(item.level);
                counts.add(item.level);
                csv_rows[level]->append(item.csv_row);
                if (geojson_path) {
                    geo_rows[level]->append(",\n");
                    geo_rows[level]->append(item.geojson);
                }
                if (html_path) {
                    html_rows[level]->append(",\n");
                    html_rows[level]->append(html_sentences.close(item.html));
                }
                if (gpkg && item.record) gpkg->add(item.record->first, item.record->second);
            }
            progress.update(done);
        };
        unsigned threads_started = 0;
        run_ordered<Chunk>(chunks, jobs, jobs * 4, work, sink, &interrupted, &threads_started);
        if (threads_started < jobs)
            io.err << "sheetgen flag: warning: the system allowed " << threads_started << " of " << jobs
                   << " worker threads (ulimit -u / -v?); " << (threads_started ? "ran with fewer" : "ran on the main thread alone")
                   << "\n";
        progress.finish();

        if (interrupted.load()) {
            io.err << "sheetgen flag: interrupted after " << done << " of " << paths.size()
                   << " households; no list written (a partial list would miss households)\n";
            return kExitInterrupted;
        }

        // 3. Outputs, sorted by priority (input order within a level), written atomically.
        PhaseClock write_clock;
        try {
            AtomicWriter csv(*out_path, out_opts);
            csv.write(flag_csv_header());
            for (auto& level : csv_rows) level->copy_to(csv);
            if (geojson_path) {
                AtomicWriter geo(*geojson_path, out_opts);
                geo.write(flag_geojson_header());
                bool first = true;
                for (auto& level : geo_rows) {
                    if (level->empty()) continue;
                    level->copy_to(geo, first ? 2 : 0);  // no separator before the first feature
                    first = false;
                }
                geo.write(flag_geojson_footer());
                geo.commit();
            }
            if (html_path) {
                AtomicWriter html(*html_path, out_opts);
                html.write(html_map_head(leaflet, hazards.zone_polygons_lonlat(kHtmlZoneToleranceM), hazards.shelters(),
                                         html_opts));
                bool first = true;
                for (auto& level : html_rows) {
                    if (level->empty()) continue;
                    level->copy_to(html, first ? 2 : 0);  // no separator before the first record
                    first = false;
                }
                html.write(html_map_tail(html_opts, html_sentences));
                html.commit();
            }
            csv.commit();
            if (gpkg) gpkg->commit();
        } catch (const OutputError& e) {
            io.err << "sheetgen flag: " << e.what() << "\n";
            return kExitOutput;
        }
        const long long write_ns = write_clock.elapsed_ns();

        io.out << counts.total() << " households flagged";
        if (invalid) io.out << ", " << invalid << " skipped (invalid profiles, see above)";
        io.out << "\n" << format_level_summary(counts);
        io.out << "wrote " << *out_path;
        if (geojson_path) io.out << ", " << *geojson_path;
        if (gpkg_path) io.out << ", " << *gpkg_path;
        if (html_path) io.out << ", " << *html_path;
        io.out << "\n";
        if (timings) {
            auto ms = [](long long ns) { return ns / 1e6; };
            std::ostringstream t;
            t.setf(std::ios::fixed);
            t.precision(1);
            t << "timings: households=" << paths.size() << " jobs=" << jobs << " load_hazards_ms=" << ms(load_ns)
              << " parse_cpu_ms=" << ms(parse_ns) << " overlay_cpu_ms=" << ms(overlay_ns)
              << " assess_cpu_ms=" << ms(assess_ns) << " write_ms=" << ms(write_ns)
              << " total_ms=" << ms(total_clock.elapsed_ns()) << " zone_polygons=" << hazards.zone_polygon_count()
              << "\n";
            io.err << t.str();
        }
        return invalid ? kExitInvalidInput : kExitOk;
    } catch (const UsageError& e) {
        io.err << "sheetgen flag: " << e.what() << "\n(see sheetgen flag --help)\n";
        return kExitUsage;
    } catch (const InputError& e) {
        io.err << e.what() << "\n";
        return kExitFatalInput;
    } catch (const OutputError& e) {
        io.err << "sheetgen flag: " << e.what() << "\n";
        return kExitOutput;
    }
}

}  // namespace sheetgen::cli
