#include "diff/diff_lib.hpp"

#include <algorithm>
#include <atomic>
#include <memory>
#include <ostream>
#include <stdexcept>
#include <sys/stat.h>
#include <thread>

#include "diff/changes_report.hpp"
#include "diff/shelter_diff.hpp"
#include "hazard/config.hpp"
#include "hazard/hazard_set.hpp"
#include "profile/parse.hpp"

namespace sheetgen {

namespace {

// The result of one profile: both snapshots, or the problems that skip it.
struct Item {
    std::vector<Diagnostic> diagnostics;
    bool ok = false;
    SourceLocation id_at;
    Snapshot before, after;
};

struct Sides {
    const HazardSet* before = nullptr;  // nullptr with a saved list
    const HazardSet& after;
};

Item process(const std::string& path, const Sides& sides, const RiskOptions& risk) {
    Item item;
    ProfileResult parsed = load_profile_file(path);  // once, for both sides
    item.diagnostics = std::move(parsed.diagnostics);
    if (!parsed.ok() || !parsed.profile) return item;
    const Profile& p = *parsed.profile;
    item.id_at = parsed.id_at;
    item.after = snapshot_of(p, assess(p, sides.after.expose(p.household.location), sides.after.shelters(), risk));
    if (sides.before)
        item.before =
            snapshot_of(p, assess(p, sides.before->expose(p.household.location), sides.before->shelters(), risk));
    item.ok = true;
    return item;
}

// Every profile on `jobs` threads; results by input index, so the order (and
// the outputs) do not depend on scheduling.
std::vector<Item> process_all(const std::vector<std::string>& paths, const Sides& sides, const RiskOptions& risk,
                              unsigned jobs) {
    std::vector<Item> items(paths.size());
    std::atomic<size_t> next{0};
    std::exception_ptr failure;
    std::atomic<bool> failed{false};
    auto worker = [&] {
        try {
            for (size_t i; !failed && (i = next++) < paths.size();) items[i] = process(paths[i], sides, risk);
        } catch (...) {
            if (!failed.exchange(true)) failure = std::current_exception();
        }
    };
    const unsigned n = std::max(1u, std::min<unsigned>(jobs, static_cast<unsigned>(paths.size())));
    std::vector<std::thread> threads;
    for (unsigned t = 1; t < n; ++t) threads.emplace_back(worker);
    worker();
    for (auto& t : threads) t.join();
    if (failure) std::rethrow_exception(failure);
    return items;
}

bool same_file(const std::string& a, const std::string& b) {
    struct stat sa {}, sb {};
    if (::stat(a.c_str(), &sa) != 0 || ::stat(b.c_str(), &sb) != 0) return a == b;
    return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

void check_options(const DiffOptions& o, const std::vector<std::string>& outputs) {
    if (o.before_config.empty() == o.before_list.empty())
        throw std::invalid_argument("give either a before hazard config or a before list (one of them)");
    if (o.after_config.empty()) throw std::invalid_argument("the after hazard config is required");
    if (o.out_csv.empty()) throw std::invalid_argument("the changes CSV path is required");
    if (o.gpkg) throw std::invalid_argument("GeoPackage output of the changes is not supported yet (use CSV or GeoJSON)");
    std::vector<std::string> inputs = {o.after_config};
    inputs.push_back(o.before_config.empty() ? o.before_list : o.before_config);
    for (size_t i = 0; i < outputs.size(); ++i) {
        for (size_t j = i + 1; j < outputs.size(); ++j)
            if (same_file(outputs[i], outputs[j]))
                throw std::invalid_argument("two outputs are the same file: " + outputs[i] + " and " + outputs[j]);
        for (const std::string& in : inputs)
            if (same_file(outputs[i], in))
                throw std::invalid_argument("output " + outputs[i] + " is an input (" + in + ")");
    }
}

void print_summary(const DiffResult& r, std::ostream& out) {
    out << "households compared: " << r.households << (r.invalid ? " (" + std::to_string(r.invalid) + " skipped)" : "")
        << "\n";
    for (const ChangeDef& d : change_catalogue()) {
        auto it = r.counts.find(d.code);
        if (it != r.counts.end()) out << "  " << d.code << ": " << it->second << "\n";
    }
    if (!r.shelters_csv.empty()) out << "shelter changes: " << r.shelter_changes << " (" << r.shelters_csv << ")\n";
    out << "plans to redo now: " << r.redo_ids.size() << "\n";
    // Ids only (privacy); the full list is the CSV.
    constexpr size_t kShown = 20;
    for (size_t i = 0; i < r.redo_ids.size() && i < kShown; ++i) out << "  " << r.redo_ids[i] << "\n";
    if (r.redo_ids.size() > kShown) out << "  ... and " << r.redo_ids.size() - kShown << " more (see the CSV)\n";
}

}  // namespace

std::string shelters_csv_path(const std::string& out_csv) {
    const std::string ext = ".csv";
    if (out_csv.size() > ext.size() && out_csv.compare(out_csv.size() - ext.size(), ext.size(), ext) == 0)
        return out_csv.substr(0, out_csv.size() - ext.size()) + "-shelters.csv";
    return out_csv + "-shelters.csv";
}

DiffResult run_diff(const DiffOptions& o, std::ostream& out, std::ostream& err) {
    const bool two_configs = !o.before_config.empty();
    std::vector<std::string> outputs = {o.out_csv};
    if (o.geojson) outputs.push_back(*o.geojson);
    if (two_configs) outputs.push_back(shelters_csv_path(o.out_csv));
    check_options(o, outputs);
    for (const std::string& path : outputs) check_replaceable(path);

    DiffResult result;
    auto report = [&](const Diagnostic& d, const std::string& suffix = "") {
        err << format_diagnostic(d) << suffix << "\n";
        result.problems.push_back(d);
    };
    // Both configs once; the earlier list once.
    std::vector<Diagnostic> warnings;
    std::optional<HazardSet> before_set;
    std::vector<Snapshot> before_list;
    if (two_configs) before_set.emplace(HazardSet::load_file(o.before_config, &warnings));
    else before_list = read_flag_list(o.before_list, warnings);
    HazardSet after_set = HazardSet::load_file(o.after_config, &warnings);
    for (const auto& w : warnings) report(w);

    std::vector<Diagnostic> path_problems;
    const std::vector<std::string> paths = expand_profile_paths(o.profile_paths, path_problems);
    for (const auto& d : path_problems) report(d);
    result.invalid = static_cast<long>(path_problems.size());

    RiskOptions risk;
    risk.as_of = o.as_of;
    std::vector<Item> items =
        process_all(paths, Sides{before_set ? &*before_set : nullptr, after_set}, risk, o.jobs);

    // In input order: problems, duplicate ids (the first household wins).
    IdRegistry ids;
    std::vector<Snapshot> before, after;
    for (Item& item : items) {
        for (const auto& d : item.diagnostics) report(d);
        if (!item.ok) {
            ++result.invalid;
            continue;
        }
        if (auto dup = ids.add(item.after.id, item.id_at)) {
            report(*dup, " (household skipped)");
            ++result.invalid;
            continue;
        }
        if (two_configs) before.push_back(std::move(item.before));
        after.push_back(std::move(item.after));
    }
    items.clear();
    const std::vector<ChangeRow> rows = compare_all(two_configs ? before : before_list, after);

    // Write everything to temporaries, then publish: all outputs or none.
    for (const std::string& path : outputs) ensure_parent_directory(path, o.output);
    AtomicWriter csv(o.out_csv, o.output);
    csv.write(changes_csv_header());
    std::unique_ptr<AtomicWriter> geo;
    if (o.geojson) {
        geo = std::make_unique<AtomicWriter>(*o.geojson, o.output);
        geo->write(changes_geojson_header());
    }
    for (size_t i = 0; i < rows.size(); ++i) {
        const ChangeRow& row = rows[i];
        csv.write(changes_csv_row(row));
        if (geo) geo->write((i ? ",\n" : "") + changes_geojson_feature(row));
        for (const Change& c : row.changes) ++result.counts[c.code];
        if (row.redo()) result.redo_ids.push_back(row.id());
    }
    result.households = static_cast<long>(rows.size());
    if (geo) geo->write(changes_geojson_footer());
    std::unique_ptr<AtomicWriter> shelters;
    if (two_configs) {
        result.shelters_csv = shelters_csv_path(o.out_csv);
        shelters = std::make_unique<AtomicWriter>(result.shelters_csv, o.output);
        shelters->write(shelter_changes_csv_header());
        for (const ShelterChange& c : diff_shelters(before_set->shelters(), after_set.shelters())) {
            shelters->write(shelter_changes_csv_row(c));
            ++result.shelter_changes;
        }
    }
    csv.commit();
    if (geo) geo->commit();
    if (shelters) shelters->commit();
    print_summary(result, out);
    return result;
}

}  // namespace sheetgen
