#include "commands/flag_lib.hpp"

#include <array>
#include <memory>
#include <ostream>

#include "commands/io_guard.hpp"
#include "commands/ordered_pool.hpp"
#include "commands/progress.hpp"
#include "common/error.hpp"
#include "hazard/config.hpp"
#include "hazard/hazard_set.hpp"
#include "report/gpkg_writer.hpp"

namespace sheetgen::commands {

void check_html_page_options(bool html, const HtmlMapOptions& page, bool pdf_dir) {
    if (!html && (page.tiles_url || page.no_names || pdf_dir))
        throw UsageError("--html-tiles, --html-no-names and --pdf-dir go with --html FILE");
    const auto& tiles = page.tiles_url;
    if (tiles && tiles->rfind("https://", 0) != 0 && tiles->rfind("http://", 0) != 0)
        throw UsageError("--html-tiles wants a tile URL starting with https:// (e.g. .../{z}/{x}/{y}.png)");
}

namespace {

// Zones on the page are simplified to a few metres: invisible on screen, and
// it keeps the page small (a real river layer has millions of vertices).
// Households handed to a worker at once: big enough to amortise the queue.
constexpr size_t kChunk = 64;

struct Item {
    bool ok = false;
    std::vector<Diagnostic> diagnostics;
    std::string id;
    SourceLocation id_at;
    Priority level = Priority::D;
    std::string csv_row, geojson;
    HtmlRecord html;
    // Only with --gpkg: the sink writes it straight away (GDAL is single-threaded here).
    std::unique_ptr<std::pair<Profile, Verdict>> record;
};

struct Chunk {
    std::vector<Item> items;
    PipelineCpu cpu;
};

std::string directory_of(const std::string& file) {
    auto slash = file.find_last_of('/');
    return slash == std::string::npos ? std::string(".") : file.substr(0, slash);
}

// Rows go to one scratch file per priority level beside their output, so
// memory does not grow with the number of households; at the end they are
// streamed, level by level, into the final file.
struct LevelSpill {
    std::array<std::unique_ptr<SpillFile>, 4> level;
    void open(const std::string& output, const OutputOptions& out) {
        ensure_parent_directory(output, out);
        for (auto& l : level) l = std::make_unique<SpillFile>(directory_of(output));
    }
    explicit operator bool() const { return level[0] != nullptr; }
    // Levels A..D into `w`; `separator` bytes dropped before the first record.
    void copy_to(AtomicWriter& w, size_t separator) {
        bool first = true;
        for (auto& l : level) {
            if (l->empty()) continue;
            l->copy_to(w, first ? separator : 0);
            first = false;
        }
    }
};

class FlagRun {
public:
    FlagRun(const FlagOptions& o, Streams io) : o_(o), io_(io), admission_(io.err) {}
    FlagResult run();

private:
    void check_options() const;
    void guard_outputs(const HazardConfig& config);
    void open_outputs();
    Chunk work(size_t chunk) const;
    Item evaluate(size_t index, PipelineCpu* cpu) const;
    void sink(Chunk&& chunk);
    void write_outputs();

    const FlagOptions& o_;
    Streams io_;
    std::vector<std::string> paths_;
    std::vector<Diagnostic> path_problems_;
    std::optional<HazardSet> hazards_;
    RiskOptions risk_;
    FlagColumns columns_;  // the config's own columns (both flood scenarios)
    HtmlMapOptions html_opts_;
    LeafletAssets leaflet_;
    std::string pdf_href_;
    LevelSpill csv_, geo_, html_;
    std::unique_ptr<GpkgWriter> gpkg_;
    HtmlSentences html_sentences_;
    Admission admission_;
    std::unique_ptr<Progress> progress_;
    FlagResult result_;
};

void FlagRun::check_options() const {
    if (o_.hazards_config.empty()) throw UsageError("--hazards CONFIG is required");
    if (o_.out_csv.empty()) throw UsageError("-o OUT.csv is required");
    if (o_.profile_paths.empty()) throw UsageError("give at least one profile file or directory");
    check_html_page_options(o_.html.has_value(), o_.html_map, o_.pdf_dir.has_value());
}

// Before any work: no output may destroy an input or another output.
void FlagRun::guard_outputs(const HazardConfig& config) {
    IoGuard guard;
    guard.add_hazard_inputs(o_.hazards_config, config);
    guard.add_profiles(paths_);
    guard.add_output(o_.out_csv, "-o");
    if (o_.geojson) guard.add_output(*o_.geojson, "--geojson");
    if (o_.gpkg) guard.add_output(*o_.gpkg, "--gpkg");
    if (o_.html) guard.add_output(*o_.html, "--html");
}

void FlagRun::open_outputs() {
    try {
        csv_.open(o_.out_csv, o_.run.output);
        if (o_.geojson) geo_.open(*o_.geojson, o_.run.output);
        if (o_.html) html_.open(*o_.html, o_.run.output);
    } catch (const OutputError& e) {
        // Name the output the user asked for; the scratch files are ours.
        throw OutputError("cannot write " + o_.out_csv + ": " + e.what());
    }
    if (o_.gpkg) {
        ensure_parent_directory(*o_.gpkg, o_.run.output);
        gpkg_ = std::make_unique<GpkgWriter>(*o_.gpkg, o_.as_of, o_.run.output, columns_);
    }
}

Item FlagRun::evaluate(size_t index, PipelineCpu* cpu) const {
    Item item;
    EvaluatedHousehold h = evaluate_household(paths_[index], *hazards_, risk_, cpu);
    item.diagnostics = std::move(h.parsed.diagnostics);
    if (!h.ok()) return item;
    const Profile& p = h.profile();
    const Verdict& v = h.verdict();
    item.ok = true;
    item.id = p.id;
    item.id_at = h.parsed.id_at;
    item.level = v.level;
    item.csv_row = flag_csv_row(p, v, columns_);
    if (o_.geojson) item.geojson = flag_geojson_feature(p, v, columns_);
    if (o_.html)
        item.html = html_household_record(p, v, html_opts_,
                                          o_.pdf_dir ? find_pdf_links(*o_.pdf_dir, pdf_href_, p.id) : HtmlPdfLinks{});
    if (o_.gpkg)
        item.record = std::make_unique<std::pair<Profile, Verdict>>(std::move(*h.parsed.profile),
                                                                    std::move(h.assessed->verdict));
    return item;
}

Chunk FlagRun::work(size_t c) const {
    Chunk chunk;
    const size_t begin = c * kChunk, end = std::min(paths_.size(), begin + kChunk);
    for (size_t i = begin; i < end; ++i) chunk.items.push_back(evaluate(i, &chunk.cpu));
    return chunk;
}

void FlagRun::sink(Chunk&& chunk) {
    result_.cpu += chunk.cpu;
    for (Item& item : chunk.items) {
        ++result_.households_seen;
        if (!admission_.admit(item.diagnostics, item.ok, item.id, item.id_at)) continue;
        const int level = static_cast<int>(item.level);
        result_.counts.add(item.level);
        csv_.level[level]->append(item.csv_row);
        if (geo_) {
            geo_.level[level]->append(",\n");
            geo_.level[level]->append(item.geojson);
        }
        if (html_) {
            html_.level[level]->append(",\n");
            html_.level[level]->append(html_sentences_.close(item.html));
        }
        if (gpkg_ && item.record) gpkg_->add(item.record->first, item.record->second);
    }
    progress_->update(result_.households_seen);
}

// Sorted by priority (input order within a level), each written atomically.
void FlagRun::write_outputs() {
    AtomicWriter csv(o_.out_csv, o_.run.output);
    csv.write(flag_csv_header(columns_));
    csv_.copy_to(csv, 0);
    if (o_.geojson) {
        AtomicWriter geo(*o_.geojson, o_.run.output);
        geo.write(flag_geojson_header());
        geo_.copy_to(geo, 2);  // no ",\n" before the first feature
        geo.write(flag_geojson_footer());
        geo.commit();
    }
    if (o_.html) {
        AtomicWriter html(*o_.html, o_.run.output);
        html.write(html_map_head(leaflet_, hazards_->zone_polygons_lonlat(kHtmlZoneToleranceM), hazards_->shelters(),
                                 html_opts_));
        html_.copy_to(html, 2);
        html.write(html_map_tail(html_opts_, html_sentences_));
        html.commit();
    }
    csv.commit();
    if (gpkg_) gpkg_->commit();
}

FlagResult FlagRun::run() {
    PhaseClock total;
    check_options();
    // Leaflet is read before anything else, so a missing package stops the run with nothing written.
    if (o_.html) leaflet_ = load_leaflet_assets(o_.leaflet_dir);
    pdf_href_ = o_.html && o_.pdf_dir ? relative_href_prefix(*o_.html, *o_.pdf_dir) : "";
    const HazardConfig config = load_hazard_config(o_.hazards_config);
    paths_ = expand_profile_paths(o_.profile_paths, path_problems_);
    result_.profile_files = paths_.size();
    guard_outputs(config);

    PhaseClock load;
    std::vector<Diagnostic> warnings;
    hazards_.emplace(HazardSet::load(config, &warnings));
    for (const auto& w : warnings) io_.err << format_diagnostic(w) << "\n";
    result_.load_ns = load.elapsed_ns();
    for (const auto& d : path_problems_) io_.err << format_diagnostic(d) << "\n";
    admission_.skip(path_problems_.size());  // unusable paths count as skipped profiles
    risk_.as_of = o_.as_of;
    columns_.scenario_depths = hazards_->compares_scenarios();
    html_opts_ = o_.html_map;
    html_opts_.columns = columns_;
    html_opts_.as_of = o_.as_of.iso();
    html_opts_.hazards_name = hazards_->name();
    html_opts_.shelter_attributions = hazards_->shelter_attributions();
    open_outputs();

    progress_ = std::make_unique<Progress>(io_.err, o_.run.progress, paths_.size(), "flag");
    unsigned started = 0;
    const size_t chunks = (paths_.size() + kChunk - 1) / kChunk;
    run_ordered<Chunk>(
        chunks, o_.run.jobs, o_.run.jobs * 4, [&](size_t c) { return work(c); },
        [&](size_t, Chunk&& c) { sink(std::move(c)); }, o_.run.interrupted, &started);
    warn_if_threads_refused(io_.err, "flag", started, o_.run.jobs);
    progress_->finish();
    result_.skipped = admission_.skipped();
    result_.zone_polygons = hazards_->zone_polygon_count();
    if (o_.run.stop_requested()) {
        result_.interrupted = true;  // a partial list would miss households: none is written
        return result_;
    }
    PhaseClock write;
    write_outputs();
    result_.write_ns = write.elapsed_ns();
    result_.total_ns = total.elapsed_ns();
    return result_;
}

}  // namespace

FlagResult flag_households(const FlagOptions& options, Streams io) { return FlagRun(options, io).run(); }

}  // namespace sheetgen::commands
