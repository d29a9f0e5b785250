#include "commands/render_lib.hpp"

#include <algorithm>
#include <memory>
#include <ostream>

#include "commands/household.hpp"
#include "commands/io_guard.hpp"
#include "commands/ordered_pool.hpp"
#include "commands/progress.hpp"
#include "common/error.hpp"
#include "hazard/config.hpp"
#include "hazard/hazard_set.hpp"
#include "profile/parse.hpp"
#include "render/document_list.hpp"
#include "render/renderer.hpp"
#include "report/pdf_bundle.hpp"

namespace sheetgen::commands {

namespace {

struct Rendered {
    bool ok = false;
    std::vector<Diagnostic> diagnostics;
    std::string id;
    SourceLocation id_at;
    Priority level = Priority::D;
    bool skipped_by_filter = false;
    bool refused_by_changes = false;        // its row of the changes list was refused (reported at the start)
    std::vector<StagedFile> staged;         // written and synced, published by the sink in order
    std::vector<std::string> bundle_parts;  // unencrypted PDFs, kept only when a bundle is wanted
    int pages = 0;
    std::string error;                      // output failure
    std::string render_error;               // a document library failed (libharu, HarfBuzz, libqpdf)
    std::optional<Diagnostic> input_error;  // the household's data stopped the layout (located)
};

struct BundleEntry {
    Priority level;
    std::vector<std::string> parts;
};

class RenderRun {
public:
    RenderRun(const RenderDocumentsOptions& o, Streams io) : o_(o), io_(io), admission_(io.err) {}
    RenderDocumentsResult run();

private:
    void check_options() const;
    void guard_outputs(const HazardConfig& config);
    void load_renderers();
    Rendered work(size_t index) const;
    void render_household(Rendered& r, const Profile& p, const Verdict& v,
                          const std::vector<std::string>* change_codes) const;
    const std::vector<std::string>* change_codes(const std::string& id) const;
    void sink(Rendered&& r);
    bool publish(Rendered& r);
    void write_bundle();

    const RenderDocumentsOptions& o_;
    Streams io_;
    std::vector<std::string> paths_;
    std::vector<Diagnostic> path_problems_;
    IoGuard guard_;
    std::vector<Renderer> renderers_;  // one per document job
    std::optional<HazardSet> hazards_;
    RiskOptions risk_;
    Admission admission_;
    std::vector<BundleEntry> bundle_;
    std::unique_ptr<Progress> progress_;
    RenderDocumentsResult result_;
};

void RenderRun::check_options() const {
    if (o_.hazards_config.empty()) throw UsageError("--hazards CONFIG is required");
    if (o_.out_dir.empty()) throw UsageError("--out DIR is required");
    if (o_.profile_paths.empty()) throw UsageError("give at least one profile file or directory");
    if (o_.documents.empty()) throw UsageError("no document type chosen");
    if (o_.changed_only && !o_.changes) throw UsageError("changed_only needs a changes list");
}

// The household's codes in the changes list; null when it has no row.
const std::vector<std::string>* RenderRun::change_codes(const std::string& id) const {
    if (!o_.changes) return nullptr;
    auto it = o_.changes->codes.find(id);
    return it == o_.changes->codes.end() ? nullptr : &it->second;
}

// Before any work: the inputs, and no output may destroy one of them or
// another output (the bundle may not take a document's name).
void RenderRun::guard_outputs(const HazardConfig& config) {
    guard_.add_hazard_inputs(o_.hazards_config, config);
    for (const auto& d : o_.documents) guard_.add_input(d.template_path, d.name + " template");
    if (!o_.document_list.empty()) guard_.add_input(o_.document_list, "document list");
    guard_.add_input(o_.font, "font");
    if (o_.password_file) guard_.add_input(*o_.password_file, "password file");
    if (o_.changes_list) guard_.add_input(*o_.changes_list, "changes list");
    guard_.add_profiles(paths_);
    if (o_.bundle) guard_.add_output(*o_.bundle, "--bundle");
    guard_.add_document_directory(o_.out_dir, "--out");
}

void RenderRun::load_renderers() {
    for (const auto& d : o_.documents) renderers_.push_back(Renderer::load(o_.font, d.template_path, d.page_size));
}

// Whether a household gets a document of this audience.
bool made_for(render::DocumentFor audience, const Profile& p) {
    switch (audience) {
        case render::DocumentFor::Everyone: return true;
        case render::DocumentFor::VentilatorUsers: return p.uses_ventilator();
        case render::DocumentFor::PowerDependent: return p.has_power_dependent_device();
        case render::DocumentFor::EnglishReaders: return p.household.language == Lang::En;
    }
    return false;
}

// What the map of a household lacks, named by the household's id only (the
// profile's file name may hold a name; coordinates are personal data).
void warn_about_map(Rendered& r, const Profile& p, const MapExtract& map) {
    const SourceLocation at{p.id, 0, 0};
    if (!map.failure.empty())
        r.diagnostics.push_back({at, "the map cannot be drawn (the sheet says 地図を表示できません): " + map.failure,
                                 Severity::Warning});
    for (const auto& w : map.warnings) r.diagnostics.push_back({at, "map: " + w, Severity::Warning});
}

// Every document of one household, staged (synced, not yet published). A
// map extract is shared by documents whose map boxes have the same size.
// The 「前回からの変更」 box is worded from the codes and today's verdict.
void RenderRun::render_household(Rendered& r, const Profile& p, const Verdict& v,
                                 const std::vector<std::string>* change_codes) const {
    ChangeBox box;
    if (change_codes) {
        SheetChanges said = sheet_changes(*change_codes, v);
        box.lines = std::move(said.lines);
        box.planned_site_withdrawn = said.planned_site_withdrawn;
    }
    RenderOptions opts;
    opts.document_date = o_.document_date ? *o_.document_date : p.updated;
    std::optional<MapRequest> last_request;
    MapExtract map;
    for (size_t k = 0; k < o_.documents.size(); ++k) {
        const DocumentJob& job = o_.documents[k];
        if (!made_for(job.audience, p)) continue;
        MapRequest req = renderers_[k].map_request(p, v);
        if (!last_request || req.half_width_m != last_request->half_width_m ||
            req.half_height_m != last_request->half_height_m || req.resolution_m != last_request->resolution_m ||
            req.centre.lat != last_request->centre.lat ||
            req.centre.lon != last_request->centre.lon) {
            map = hazards_->extract_map(req.centre, req.half_width_m, req.half_height_m, req.resolution_m);
            last_request = req;
            warn_about_map(r, p, map);
        }
        RenderedDocument doc = renderers_[k].render({SheetInput{&p, &v, &map, change_codes ? &box : nullptr}}, opts);
        for (auto& w : doc.warnings) r.diagnostics.push_back(std::move(w));
        const std::string path = o_.out_dir + "/" + render::document_file_name(job.file_pattern, p.id);
        r.staged.emplace_back(path, o_.protection ? encrypt_pdf(doc.pdf, *o_.protection) : doc.pdf, o_.run.output);
        r.pages += doc.page_count;
        if (o_.bundle) r.bundle_parts.push_back(std::move(doc.pdf));
    }
}

// The document of another household this household's file would be: its
// file name F under one job matches another job's pattern for a valid id x
// ("x-help-card" + ".pdf" is the help card of "x"). Of the two ids the longer
// one (on a tie the later in byte order) is refused, like ids ending in
// -ventilator-plan, so no household's file can replace another's and the
// shorter, ordinary id is always rendered. "" when there is no clash.
std::string document_clash(const std::vector<DocumentJob>& jobs, const std::string& id) {
    for (const auto& mine : jobs) {
        const std::string f = render::document_file_name(mine.file_pattern, id);
        for (const auto& other : jobs) {
            if (&other == &mine) continue;
            const size_t at = other.file_pattern.find("{id}");
            const std::string pre = other.file_pattern.substr(0, at), post = other.file_pattern.substr(at + 4);
            if (f.size() <= pre.size() + post.size() || f.compare(0, pre.size(), pre) != 0 ||
                f.compare(f.size() - post.size(), post.size(), post) != 0)
                continue;
            const std::string x = f.substr(pre.size(), f.size() - pre.size() - post.size());
            const bool mine_is_refused = x.size() < id.size() || (x.size() == id.size() && x < id);
            if (mine_is_refused && is_valid_profile_id(x))
                return "id '" + id + "' is not rendered: its " + mine.name + " file " + f + " would be the " +
                       other.name + " of a household with id '" + x + "'; choose an id without that ending";
        }
    }
    return "";
}

Rendered RenderRun::work(size_t index) const {
    Rendered r;
    EvaluatedHousehold h = evaluate_household(paths_[index], *hazards_, risk_);
    r.diagnostics = std::move(h.parsed.diagnostics);
    if (!h.ok()) return r;
    r.id = h.profile().id;
    r.id_at = h.parsed.id_at;
    r.level = h.verdict().level;
    r.ok = true;
    if (std::string clash = document_clash(o_.documents, r.id); !clash.empty()) {
        r.input_error = Diagnostic{r.id_at, clash};
        return r;
    }
    if (o_.changes && o_.changes->refused_ids.count(r.id)) {
        r.refused_by_changes = true;
        return r;
    }
    const std::vector<std::string>* codes = change_codes(r.id);
    if ((o_.only_at_risk && r.level == Priority::D) || (o_.changed_only && !(codes && plan_changed(*codes)))) {
        r.skipped_by_filter = true;
        return r;
    }
    try {
        render_household(r, h.profile(), h.verdict(), codes);
    } catch (const OutputError& e) {
        r.error = e.what();
    } catch (const RenderError& e) {
        r.render_error = e.what();
    } catch (const InputError& e) {  // this household's data: reported where it is, like an invalid profile
        r.input_error = Diagnostic{e.where(), e.message()};
    }
    return r;
}

// Publishes a household's files in order; counts what really reaches the
// disk, so the summary always matches the directory.
bool RenderRun::publish(Rendered& r) {
    size_t committed = 0;
    try {
        for (auto& f : r.staged) {
            std::string input = guard_.input_at(f.path());
            if (!input.empty()) throw OutputError(f.path() + " is an input of this run (" + input + "); not replaced");
            f.commit();
            ++committed;
        }
    } catch (const OutputError& e) {
        io_.err << "sheetgen render: " << r.id << ": " << e.what() << "\n";
        for (auto& f : r.staged) f.discard();
        result_.documents += committed;
        ++result_.output_failures;
        result_.failed_ids.push_back(r.id);
        return false;
    }
    result_.documents += committed;
    return true;
}

void RenderRun::sink(Rendered&& r) {
    ++result_.households_seen;
    progress_->update(result_.households_seen);
    if (!admission_.admit(r.diagnostics, r.ok, r.id, r.id_at)) return;
    if (r.input_error) return admission_.skip_later(*r.input_error, r.id);
    if (r.refused_by_changes) return;  // reported and counted with the changes list's problems
    if (!r.error.empty() || !r.render_error.empty()) {
        const bool library = r.error.empty();
        io_.err << "sheetgen render: " << r.id << ": "
                << (library ? "document library failed: " + r.render_error : r.error) << "\n";
        ++(library ? result_.render_failures : result_.output_failures);
        result_.failed_ids.push_back(r.id);
        return;
    }
    if (r.skipped_by_filter) {
        ++result_.filtered;
        return;
    }
    if (!publish(r)) return;
    ++result_.households;
    result_.pages += r.pages;
    if (o_.bundle) bundle_.push_back(BundleEntry{r.level, std::move(r.bundle_parts)});
}

// A "for printing" bundle that silently misses a household is worse than
// none: it is withheld when any household's documents could not be written.
void RenderRun::write_bundle() {
    if (!result_.failed_ids.empty()) {
        result_.bundle_withheld = true;
        return;
    }
    std::stable_sort(bundle_.begin(), bundle_.end(),
                     [](const BundleEntry& a, const BundleEntry& b) { return a.level < b.level; });
    std::vector<std::string> parts;
    for (auto& b : bundle_)
        for (auto& p : b.parts) parts.push_back(std::move(p));
    try {
        BundleResult merged = bundle_pdfs(parts);
        result_.bundle_pages = merged.page_count;
        ensure_parent_directory(*o_.bundle, o_.run.output);
        write_file_atomic(*o_.bundle, o_.protection ? encrypt_pdf(merged.pdf, *o_.protection) : merged.pdf, o_.run.output);
    } catch (const OutputError&) {
        throw;
    } catch (const std::exception& e) {  // libqpdf merging: the bundle is an output that could not be made
        throw OutputError(std::string("bundle: ") + e.what());
    }
    result_.bundle_written = true;
}

RenderDocumentsResult RenderRun::run() {
    PhaseClock total;
    check_options();
    const HazardConfig config = load_hazard_config(o_.hazards_config);
    paths_ = expand_profile_paths(o_.profile_paths, path_problems_);
    result_.profile_files = paths_.size();
    guard_outputs(config);
    // Work that does not depend on the household: once per run.
    load_renderers();
    std::vector<Diagnostic> warnings;
    hazards_.emplace(HazardSet::load(config, &warnings));
    for (const auto& w : warnings) io_.err << format_diagnostic(w) << "\n";
    ensure_directory(o_.out_dir, o_.run.output);
    for (const auto& d : path_problems_) io_.err << format_diagnostic(d) << "\n";
    admission_.skip(path_problems_.size());
    if (o_.changes) {  // rows refused: each reported once, its household not rendered
        for (const auto& d : o_.changes->problems) io_.err << format_diagnostic(d) << "\n";
        admission_.skip(o_.changes->problems.size());
    }
    risk_.as_of = o_.as_of;

    progress_ = std::make_unique<Progress>(io_.err, o_.run.progress, paths_.size(), "render");
    unsigned started = 0;
    // A small window: each waiting result holds finished PDFs.
    run_ordered<Rendered>(
        paths_.size(), o_.run.jobs, o_.run.jobs * 2, [&](size_t i) { return work(i); },
        [&](size_t, Rendered&& r) { sink(std::move(r)); }, o_.run.interrupted, &started);
    warn_if_threads_refused(io_.err, "render", started, o_.run.jobs);
    progress_->finish();
    sync_directory(o_.out_dir);  // make the renames of this run durable, once
    result_.skipped = admission_.skipped();
    result_.interrupted = o_.run.stop_requested();
    if (o_.bundle && !result_.interrupted) write_bundle();
    result_.total_ns = total.elapsed_ns();
    return result_;
}

}  // namespace

RenderDocumentsResult render_documents(const RenderDocumentsOptions& options, Streams io) {
    return RenderRun(options, io).run();
}

}  // namespace sheetgen::commands
