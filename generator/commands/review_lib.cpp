#include "commands/review_lib.hpp"

#include <algorithm>
#include <ostream>

#include "commands/household.hpp"
#include "commands/io_guard.hpp"
#include "common/atomic_file.hpp"
#include "profile/parse.hpp"

namespace sheetgen::commands {

namespace {

struct Row {
    size_t rank;     // review_codes() order
    long days_left;  // earliest due first within a reason
    size_t order;    // input order
    std::string csv;
};

size_t code_rank(const std::string& code) {
    const auto& codes = review_codes();
    return static_cast<size_t>(std::find(codes.begin(), codes.end(), code) - codes.begin());
}

}  // namespace

ReviewResult review_profiles(const ReviewOptions& o, Streams io) {
    if (o.out_csv.empty()) throw UsageError("-o REVIEW.csv is required");
    if (o.profile_paths.empty()) throw UsageError("give at least one profile file or directory");
    ReviewResult result;
    std::vector<Diagnostic> path_problems;
    const std::vector<std::string> paths = expand_profile_paths(o.profile_paths, path_problems);
    IoGuard guard;
    guard.add_profiles(paths);
    guard.add_output(o.out_csv, "-o");
    Admission admission(io.err);
    for (const auto& d : path_problems) io.err << format_diagnostic(d) << "\n";
    admission.skip(path_problems.size());
    std::vector<Row> rows;
    for (size_t i = 0; i < paths.size(); ++i) {
        if (o.run.stop_requested()) {
            result.interrupted = true;
            return result;
        }
        ProfileResult parsed = parse_household(paths[i]);
        const bool ok = parsed.ok() && parsed.profile;
        if (!admission.admit(parsed.diagnostics, ok, ok ? parsed.profile->id : "", parsed.id_at)) continue;
        ++result.profiles;
        const auto items = review_items(*parsed.profile, o.policy);
        if (!items.empty()) ++result.households_listed;
        for (const auto& item : items) {
            ++result.per_code[item.code];
            rows.push_back({code_rank(item.code), item.due ? item.days_left : 0, i, review_csv_row(*parsed.profile, item)});
        }
    }
    std::stable_sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) {
        if (a.rank != b.rank) return a.rank < b.rank;
        return a.days_left < b.days_left;
    });
    std::string csv = review_csv_header();
    for (const auto& r : rows) csv += r.csv;
    ensure_parent_directory(o.out_csv, o.run.output);
    write_file_atomic(o.out_csv, csv, o.run.output);
    result.skipped = admission.skipped();
    return result;
}

}  // namespace sheetgen::commands
