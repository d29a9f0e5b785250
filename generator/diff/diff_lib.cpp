#include "diff/diff_lib.hpp"

#include <memory>
#include <ostream>
#include <unordered_map>

#include "commands/flag_lib.hpp"
#include "commands/io_guard.hpp"
#include "commands/ordered_pool.hpp"
#include "commands/progress.hpp"
#include "diff/changes_report.hpp"
#include "diff/shelter_diff.hpp"
#include "hazard/config.hpp"
#include "hazard/hazard_set.hpp"
#include "report/gpkg_writer.hpp"

namespace sheetgen::commands {

namespace {

constexpr size_t kChunk = 64;  // households handed to a worker at once

// The GeoPackage's fields: those of any row (a new household's has them all).
std::vector<Property> change_schema() {
    Snapshot s;
    s.id = "x";
    return change_properties(compare(nullptr, &s));
}

// One profile: both snapshots, or the problems that skip it.
struct Item {
    bool ok = false;
    std::vector<Diagnostic> diagnostics;
    SourceLocation id_at;
    Snapshot before, after;
    HtmlRecord html;  // --html: the household on the page, its verdict after the revision
};

struct Chunk {
    std::vector<Item> items;
    PipelineCpu cpu;
};

class DiffRun {
public:
    DiffRun(const DiffOptions& o, Streams io) : o_(o), io_(io), admission_(io.err) {}
    DiffResult run();

private:
    bool two_configs() const { return !o_.before_config.empty(); }
    void check_options() const;
    void guard_outputs(const HazardConfig& after, const HazardConfig* before);
    void load_sides(const HazardConfig& after, const HazardConfig* before);
    Item evaluate(size_t index, PipelineCpu* cpu) const;
    void sink(Chunk&& chunk);
    void write_outputs(const std::vector<ChangeRow>& rows);
    void write_page(const std::vector<ChangeRow>& rows, AtomicWriter& out);
    void print_summary() const;

    const DiffOptions& o_;
    Streams io_;
    std::vector<std::string> paths_;
    std::vector<Diagnostic> path_problems_;
    std::optional<HazardSet> before_set_, after_set_;
    std::vector<Snapshot> before_list_, before_, after_;
    RiskOptions risk_;
    Admission admission_;
    std::unique_ptr<Progress> progress_;
    HtmlMapOptions page_;
    LeafletAssets leaflet_;
    std::unordered_map<std::string, HtmlRecord> page_records_;  // by id, in the sink
    DiffResult result_;
};

void DiffRun::check_options() const {
    if (o_.before_config.empty() == o_.before_list.empty())
        throw UsageError("give either --before CONFIG or --before-list FILE (one of them)");
    if (o_.after_config.empty()) throw UsageError("--after CONFIG is required");
    if (o_.out_csv.empty()) throw UsageError("-o OUT.csv is required");
    if (o_.profile_paths.empty()) throw UsageError("give at least one profile file or directory");
    check_html_page_options(o_.html.has_value(), o_.html_map, false);
}

// Before any work: no output may destroy an input or another output.
void DiffRun::guard_outputs(const HazardConfig& after, const HazardConfig* before) {
    IoGuard guard;
    guard.add_hazard_inputs(o_.after_config, after);
    if (before) guard.add_hazard_inputs(o_.before_config, *before);
    else guard.add_input(o_.before_list, "earlier list");
    guard.add_profiles(paths_);
    guard.add_output(o_.out_csv, "-o");
    if (o_.geojson) guard.add_output(*o_.geojson, "--geojson");
    if (o_.gpkg) guard.add_output(*o_.gpkg, "--gpkg");
    if (o_.html) guard.add_output(*o_.html, "--html");
    if (before) guard.add_output(shelters_csv_path(o_.out_csv), "-o (shelter changes)");
}

void DiffRun::load_sides(const HazardConfig& after, const HazardConfig* before) {
    std::vector<Diagnostic> warnings;
    if (before) before_set_.emplace(HazardSet::load(*before, &warnings));
    else before_list_ = read_flag_list(o_.before_list, warnings), result_.before_list_problems = warnings.size();
    after_set_.emplace(HazardSet::load(after, &warnings));
    for (const auto& w : warnings) io_.err << format_diagnostic(w) << "\n";
}

// Parsed once, assessed against each side.
Item DiffRun::evaluate(size_t index, PipelineCpu* cpu) const {
    Item item;
    ProfileResult parsed = parse_household(paths_[index], cpu);
    item.diagnostics = std::move(parsed.diagnostics);
    if (!parsed.ok() || !parsed.profile) return item;
    const Profile& p = *parsed.profile;
    item.ok = true;
    item.id_at = parsed.id_at;
    const Verdict after = assess_household(p, *after_set_, risk_, cpu).verdict;
    item.after = snapshot_of(p, after);
    if (o_.html) item.html = html_household_record(p, after, page_);
    if (before_set_) item.before = snapshot_of(p, assess_household(p, *before_set_, risk_, cpu).verdict);
    return item;
}

void DiffRun::sink(Chunk&& chunk) {
    result_.cpu += chunk.cpu;
    for (Item& item : chunk.items) {
        ++result_.households_seen;
        if (!admission_.admit(item.diagnostics, item.ok, item.after.id, item.id_at)) continue;
        if (before_set_) before_.push_back(std::move(item.before));
        if (o_.html) page_records_.emplace(item.after.id, std::move(item.html));
        after_.push_back(std::move(item.after));
    }
    progress_->update(result_.households_seen);
}

void DiffRun::write_outputs(const std::vector<ChangeRow>& rows) {
    ensure_parent_directory(o_.out_csv, o_.run.output);
    AtomicWriter csv(o_.out_csv, o_.run.output);
    csv.write(changes_csv_header());
    std::unique_ptr<AtomicWriter> geo;
    if (o_.geojson) {
        ensure_parent_directory(*o_.geojson, o_.run.output);
        geo = std::make_unique<AtomicWriter>(*o_.geojson, o_.run.output);
        geo->write(changes_geojson_header());
    }
    std::unique_ptr<GpkgWriter> gpkg;
    if (o_.gpkg) {
        ensure_parent_directory(*o_.gpkg, o_.run.output);
        gpkg = std::make_unique<GpkgWriter>(*o_.gpkg, o_.as_of, o_.run.output, "changes", change_schema());
    }
    for (size_t i = 0; i < rows.size(); ++i) {
        csv.write(changes_csv_row(rows[i]));
        if (geo) geo->write((i ? ",\n" : "") + changes_geojson_feature(rows[i]));
        if (gpkg) gpkg->add(rows[i].after ? rows[i].after->location : rows[i].before->location, change_properties(rows[i]));
    }
    if (geo) geo->write(changes_geojson_footer());
    std::unique_ptr<AtomicWriter> page;
    if (o_.html) {
        ensure_parent_directory(*o_.html, o_.run.output);
        page = std::make_unique<AtomicWriter>(*o_.html, o_.run.output);
        write_page(rows, *page);
    }
    std::unique_ptr<AtomicWriter> shelters;
    if (before_set_) {
        result_.shelters_csv = shelters_csv_path(o_.out_csv);
        shelters = std::make_unique<AtomicWriter>(result_.shelters_csv, o_.run.output);
        shelters->write(shelter_changes_csv_header());
        for (const ShelterChange& c : diff_shelters(before_set_->shelters(), after_set_->shelters())) {
            shelters->write(shelter_changes_csv_row(c));
            ++result_.shelter_changes;
        }
    }
    // Every file is complete in its temporary: publish them together, the
    // GeoPackage first (its close is the step most likely to fail).
    if (gpkg) gpkg->commit();
    csv.commit();
    if (geo) geo->commit();
    if (shelters) shelters->commit();
    if (page) page->commit();
}

// The households of today, most urgent change first (the CSV's order), each
// with its change codes and sentences; a removed household has no place on
// today's map and is counted in the page's header instead.
void DiffRun::write_page(const std::vector<ChangeRow>& rows, AtomicWriter& out) {
    HtmlSentences sentences;
    std::string body;
    size_t removed = 0;
    for (const ChangeRow& row : rows) {
        if (!row.after) {
            ++removed;
            continue;
        }
        HtmlRecord& record = page_records_.at(row.after->id);
        for (const Change& c : row.changes) {
            record.change_codes.push_back(c.code);
            record.changes_ja.push_back(c.ja);
            record.changes_en.push_back(c.en);
        }
        body += (body.empty() ? "" : ",\n") + sentences.close(record);
    }
    HtmlMapOptions page = page_;
    page.removed_households = removed;
    out.write(html_map_head(leaflet_, after_set_->zone_polygons_lonlat(kHtmlZoneToleranceM), after_set_->shelters(), page));
    out.write(body);
    out.write(html_map_tail(page, sentences));
}

void DiffRun::print_summary() const {
    std::ostream& out = io_.out;
    out << result_.households << " households compared";
    if (result_.skipped) out << ", " << result_.skipped << " skipped (invalid profiles, see above)";
    out << "\n";
    for (const ChangeDef& d : change_catalogue()) {
        auto it = result_.counts.find(d.code);
        if (it != result_.counts.end()) out << "  " << d.code << ": " << it->second << "\n";
    }
    if (before_set_) out << "shelter changes: " << result_.shelter_changes << "\n";
    out << "plans to redo now: " << result_.redo_ids.size() << "\n";
    // Ids only (privacy); the full list is the CSV.
    constexpr size_t kShown = 20;
    for (size_t i = 0; i < result_.redo_ids.size() && i < kShown; ++i) out << "  " << result_.redo_ids[i] << "\n";
    if (result_.redo_ids.size() > kShown) out << "  ... and " << result_.redo_ids.size() - kShown << " more (see the CSV)\n";
    out << "wrote " << o_.out_csv;
    if (o_.geojson) out << ", " << *o_.geojson;
    if (o_.gpkg) out << ", " << *o_.gpkg;
    if (o_.html) out << ", " << *o_.html;
    if (before_set_) out << ", " << result_.shelters_csv;
    out << "\n";
}

}  // namespace

DiffResult DiffRun::run() {
    check_options();
    const HazardConfig after_config = load_hazard_config(o_.after_config);
    std::optional<HazardConfig> before_config;
    if (two_configs()) before_config = load_hazard_config(o_.before_config);
    paths_ = expand_profile_paths(o_.profile_paths, path_problems_);
    result_.profile_files = paths_.size();
    guard_outputs(after_config, before_config ? &*before_config : nullptr);
    load_sides(after_config, before_config ? &*before_config : nullptr);
    for (const auto& d : path_problems_) io_.err << format_diagnostic(d) << "\n";
    admission_.skip(path_problems_.size());
    risk_.as_of = o_.as_of;
    if (o_.html) {
        leaflet_ = load_leaflet_assets(o_.leaflet_dir);
        page_ = o_.html_map;
        page_.as_of = o_.as_of.iso();
        page_.hazards_name = after_set_->name();
        page_.shelter_attributions = after_set_->shelter_attributions();
        page_.changes = true;
    }

    progress_ = std::make_unique<Progress>(io_.err, o_.run.progress, paths_.size(), "diff");
    unsigned started = 0;
    const size_t chunks = (paths_.size() + kChunk - 1) / kChunk;
    auto work = [&](size_t c) {
        Chunk chunk;
        const size_t begin = c * kChunk, end = std::min(paths_.size(), begin + kChunk);
        for (size_t i = begin; i < end; ++i) chunk.items.push_back(evaluate(i, &chunk.cpu));
        return chunk;
    };
    run_ordered<Chunk>(
        chunks, o_.run.jobs, o_.run.jobs * 4, work, [&](size_t, Chunk&& c) { sink(std::move(c)); },
        o_.run.interrupted, &started);
    warn_if_threads_refused(io_.err, "diff", started, o_.run.jobs);
    progress_->finish();
    result_.skipped = admission_.skipped();
    if (o_.run.stop_requested()) {
        result_.interrupted = true;  // a partial comparison would miss households: nothing is written
        return result_;
    }
    const std::vector<ChangeRow> rows = compare_all(before_set_ ? before_ : before_list_, after_);
    for (const ChangeRow& row : rows) {
        for (const Change& c : row.changes) ++result_.counts[c.code];
        if (row.redo()) result_.redo_ids.push_back(row.id());
    }
    result_.households = rows.size();
    write_outputs(rows);
    print_summary();
    return result_;
}

std::string shelters_csv_path(const std::string& out_csv) {
    const std::string ext = ".csv";
    if (out_csv.size() > ext.size() && out_csv.compare(out_csv.size() - ext.size(), ext.size(), ext) == 0)
        return out_csv.substr(0, out_csv.size() - ext.size()) + "-shelters.csv";
    return out_csv + "-shelters.csv";
}

DiffResult diff_households(const DiffOptions& options, Streams io) { return DiffRun(options, io).run(); }

}  // namespace sheetgen::commands
