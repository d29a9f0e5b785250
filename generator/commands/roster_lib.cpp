#include "commands/roster_lib.hpp"

#include <algorithm>
#include <memory>
#include <ostream>
#include <set>

#include "commands/household.hpp"
#include "commands/io_guard.hpp"
#include "commands/ordered_pool.hpp"
#include "commands/progress.hpp"
#include "common/atomic_file.hpp"
#include "common/error.hpp"
#include "hazard/config.hpp"
#include "hazard/hazard_set.hpp"
#include "layout/font.hpp"
#include "layout/list_document.hpp"
#include "report/flag_report.hpp"

namespace sheetgen::commands {

namespace {

// What the sink keeps of one household: never the profile itself.
struct Entry {
    bool ok = false;
    std::vector<Diagnostic> diagnostics;
    std::string id;
    SourceLocation id_at;
    bool consent = false;
    Priority level = Priority::D;
    std::vector<RosterGroup> groups;
    std::vector<std::string> row;  // empty without consent: nothing of theirs leaves the worker
};

struct Group {
    std::string label;
    std::vector<std::pair<Priority, std::vector<std::string>>> rows;  // input order
    size_t without_consent = 0;
};

class RosterRun {
public:
    RosterRun(const RosterOptions& o, Streams io) : o_(o), io_(io), admission_(io.err) {}
    RosterResult run();

private:
    Entry work(size_t i) const;
    void sink(Entry&& e);
    void write_group(const Group& g, const std::string& stem);
    void write_summary();
    void publish(const std::string& path, const std::string& bytes);

    const RosterOptions& o_;
    Streams io_;
    std::vector<std::string> paths_;
    std::optional<HazardSet> hazards_;
    std::shared_ptr<const layout::FontFace> font_;
    RiskOptions risk_;
    IoGuard guard_;
    Admission admission_;
    std::map<std::string, Group> groups_;  // by key: files come out sorted, whatever the input order
    RosterResult result_;
};

Entry RosterRun::work(size_t i) const {
    Entry e;
    EvaluatedHousehold h = evaluate_household(paths_[i], *hazards_, risk_);
    e.diagnostics = std::move(h.parsed.diagnostics);
    if (!h.ok()) return e;
    const Profile& p = h.profile();
    e.ok = true;
    e.id = p.id;
    e.id_at = h.parsed.id_at;
    e.consent = p.consent.share_with_supporters;
    e.level = h.verdict().level;
    e.groups = roster_groups(p, o_.by);
    if (e.consent) e.row = roster_row(p, h.verdict());
    return e;
}

void RosterRun::sink(Entry&& e) {
    if (!admission_.admit(e.diagnostics, e.ok, e.id, e.id_at)) return;
    ++result_.households;
    (e.consent ? result_.listed : result_.without_consent)++;
    for (const auto& g : e.groups) {
        Group& group = groups_[g.key];
        group.label = g.label;
        if (e.consent)
            group.rows.emplace_back(e.level, e.row);
        else
            ++group.without_consent;
    }
}

void RosterRun::publish(const std::string& path, const std::string& bytes) {
    const std::string input = guard_.input_at(path);
    if (!input.empty()) throw UsageError(path + " is an input of this run (" + input + "); not replaced");
    write_file_atomic(path, bytes, o_.run.output);
    result_.files.push_back(path);
}

void RosterRun::write_group(const Group& g, const std::string& stem) {
    std::vector<std::pair<Priority, std::vector<std::string>>> sorted = g.rows;
    std::stable_sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<std::vector<std::string>> rows;
    for (auto& r : sorted) rows.push_back(std::move(r.second));
    layout::ListDocument doc;
    doc.title = "避難支援等関係者名簿：" + g.label;
    doc.subtitle = {"本人の同意を得た方のみ掲載し、避難の支援に必要な項目だけを載せています。優先度の高い順。",
                    "取扱注意：目的外の利用・複写・第三者への提供をしないでください。不要になったら市へ返却してください。"};
    doc.corner = o_.by == RosterGrouping::District ? "地区別" : "支援者別";
    doc.date = o_.as_of;
    for (size_t i = 0; i < roster_columns().size(); ++i)
        doc.columns.push_back({roster_columns()[i], roster_column_weights()[i]});
    doc.rows = rows;
    doc.empty_text = "この名簿に掲載する方はいません（同意のある方がいません）";
    publish(o_.out_dir + "/roster-" + stem + ".csv", roster_csv(rows));
    publish(o_.out_dir + "/roster-" + stem + ".pdf", layout::render_list_pdf(*font_, doc));
    result_.groups.push_back({g.label, g.rows.size(), g.without_consent});
    ++result_.rosters;
}

// For staff only: counts per group, no names.
void RosterRun::write_summary() {
    std::string csv = "\xEF\xBB\xBF" "group,listed,without_consent\r\n";
    for (const auto& g : result_.groups)
        csv += csv_field(g.label) + "," + std::to_string(g.listed) + "," + std::to_string(g.without_consent) + "\r\n";
    publish(o_.out_dir + "/staff-summary.csv", csv);
}

RosterResult RosterRun::run() {
    if (o_.hazards_config.empty()) throw UsageError("--hazards CONFIG is required");
    if (o_.out_dir.empty()) throw UsageError("--out DIR is required");
    if (o_.profile_paths.empty()) throw UsageError("give at least one profile file or directory");
    const HazardConfig config = load_hazard_config(o_.hazards_config);
    std::vector<Diagnostic> path_problems;
    paths_ = expand_profile_paths(o_.profile_paths, path_problems);
    guard_.add_hazard_inputs(o_.hazards_config, config);
    guard_.add_input(o_.font, "font");
    guard_.add_profiles(paths_);
    guard_.add_document_directory(o_.out_dir, "--out");
    font_ = layout::FontFace::load(o_.font);
    std::vector<Diagnostic> warnings;
    hazards_.emplace(HazardSet::load(config, &warnings));
    for (const auto& w : warnings) io_.err << format_diagnostic(w) << "\n";
    for (const auto& d : path_problems) io_.err << format_diagnostic(d) << "\n";
    admission_.skip(path_problems.size());
    risk_.as_of = o_.as_of;
    unsigned started = 0;
    run_ordered<Entry>(
        paths_.size(), o_.run.jobs, o_.run.jobs * 4, [&](size_t i) { return work(i); },
        [&](size_t, Entry&& e) { sink(std::move(e)); }, o_.run.interrupted, &started);
    warn_if_threads_refused(io_.err, "roster", started, o_.run.jobs);
    result_.skipped = admission_.skipped();
    if (o_.run.stop_requested()) {
        result_.interrupted = true;  // a roster missing households is not handed out
        return result_;
    }
    ensure_directory(o_.out_dir, o_.run.output);
    std::set<std::string> stems;
    for (const auto& [key, g] : groups_) {
        // A group made only of households without consent gets no roster:
        // even its name (a supporter's, from their profiles) stays with staff.
        if (g.rows.empty()) {
            result_.groups.push_back({g.label, 0, g.without_consent});
            continue;
        }
        std::string stem = roster_file_stem(g.label);
        for (int n = 2; !stems.insert(stem).second; ++n) stem = roster_file_stem(g.label) + "-" + std::to_string(n);
        write_group(g, stem);
    }
    write_summary();
    sync_directory(o_.out_dir);
    return result_;
}

}  // namespace

RosterResult make_rosters(const RosterOptions& options, Streams io) { return RosterRun(options, io).run(); }

}  // namespace sheetgen::commands
