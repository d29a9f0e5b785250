#include "intake/import_lib.hpp"

#include <algorithm>
#include <ctime>
#include <filesystem>
#include <map>
#include <memory>
#include <ostream>
#include <sys/stat.h>

#include "common/error.hpp"
#include "common/read_file.hpp"
#include "intake/gazetteer.hpp"
#include "intake/ledger.hpp"
#include "intake/mapping.hpp"
#include "intake/profile_text.hpp"
#include "intake/record.hpp"
#include "profile/parse.hpp"

namespace sheetgen::intake {

namespace {

Date local_today() {
    std::time_t t = std::time(nullptr);
    std::tm tm{};
    localtime_r(&t, &tm);
    return Date{tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday};
}

std::string file_date(const std::string& path) {
    struct stat st {};
    if (stat(path.c_str(), &st) != 0) return "";
    std::tm tm{};
    gmtime_r(&st.st_mtime, &tm);
    return Date{tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday}.iso();
}

std::string lower(std::string s) {
    for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

// A profile that would not validate is never written: the first problem's place, not its text.
std::optional<std::string> validation_problem(const std::string& text, const std::string& path) {
    ProfileResult pr = parse_profile(text, path);
    if (pr.ok()) return std::nullopt;
    for (const auto& d : pr.diagnostics)
        if (d.severity == Severity::Error)
            return "the profile would not validate (line " + std::to_string(d.where.line) + ", column " +
                   std::to_string(d.where.column) + " of " + path + ")";
    return "the profile would not validate";
}

void add_input(std::vector<std::pair<dev_t, ino_t>>& inputs, const std::string& path) {
    struct stat st {};
    if (stat(path.c_str(), &st) == 0) inputs.emplace_back(st.st_dev, st.st_ino);
}

bool is_input(const std::vector<std::pair<dev_t, ino_t>>& inputs, const struct stat& st) {
    return std::find(inputs.begin(), inputs.end(), std::make_pair(st.st_dev, st.st_ino)) != inputs.end();
}

std::string join(const std::vector<std::string>& v) {
    std::string s;
    for (const auto& x : v) s += (s.empty() ? "" : ", ") + x;
    return s;
}

}  // namespace

ImportResult run_import(const ImportOptions& opts, commands::Streams io) {
    std::ostream &out = io.out, &err = io.err;
    ImportResult res;
    Mapping mapping = opts.mapping ? load_mapping(*opts.mapping) : Mapping{};
    std::unique_ptr<Gazetteer> gaz;
    GazetteerRef ref;
    if (opts.gazetteer) {
        gaz = std::make_unique<Gazetteer>(Gazetteer::load(*opts.gazetteer, opts.gazetteer_field.value_or("")));
        for (const auto& c : mapping.cities) gaz->add_city(c);
        ref.gazetteer = gaz.get();
        ref.date = opts.gazetteer_date.value_or(file_date(*opts.gazetteer));
        out << "gazetteer " << gaz->name() << ": " << gaz->format() << ", " << gaz->town_count() << " towns, "
            << gaz->block_count() << " blocks\n";
    }
    const Date today = opts.today.value_or(local_today());
    // Read every ledger before writing anything: an unusable one stops the run untouched.
    std::vector<Ledger> ledgers;
    for (const auto& path : opts.ledgers) {
        ledgers.push_back(read_ledger(path, opts.sheet));
        const Ledger& l = ledgers.back();
        out << path << ": " << l.format;
        if (l.encoding) out << ", " << to_string(*l.encoding);
        if (l.sheets.size() > 1) out << ", sheet '" << l.sheet << "' of " << l.sheets.size();
        out << ", " << l.rows.size() << " rows\n";
    }
    if (!opts.dry_run) ensure_directory(opts.out_dir, opts.output);
    // Inputs by device and inode: a profile is never written over one (hard or symbolic links too).
    std::vector<std::pair<dev_t, ino_t>> inputs;
    for (const auto& p : opts.ledgers) add_input(inputs, p);
    for (const auto* p : {&opts.mapping, &opts.gazetteer})
        if (*p) add_input(inputs, **p);

    auto report = [&](const std::string& ledger, int row, const std::string& msg) {
        std::string line = ledger + ":" + std::to_string(row) + ": " + msg;
        err << line << "\n";
        res.diagnostics.push_back(line);
        ++res.skipped_rows;
    };
    std::map<std::string, std::string> seen;  // lower-cased id -> LEDGER:ROW
    bool wrote_any = false;
    for (const Ledger& l : ledgers) {
        ColumnPlan plan = plan_columns(mapping, l.headers);
        for (const LedgerRow& row : l.rows) {
            RowResult rr = read_row(l, row, mapping, plan, ref);
            if (rr.problem) {
                if (!rr.id.empty()) seen.emplace(lower(rr.id), l.file + ":" + std::to_string(row.row));
                report(l.file, row.row, rr.problem->message);
                continue;
            }
            const Record& rec = *rr.record;
            std::string where = l.file + ":" + std::to_string(row.row);
            auto [it, fresh] = seen.emplace(lower(rec.id), where);
            if (!fresh) {
                report(l.file, row.row, "duplicate id " + rec.id + " (first at " + it->second + ")");
                continue;
            }
            std::string path = opts.out_dir + "/" + rec.id + ".yaml";
            struct stat st {};
            bool exists = lstat(path.c_str(), &st) == 0;
            std::string text;
            std::vector<std::string> changed;
            if (exists) {
                if (!S_ISREG(st.st_mode) || is_input(inputs, st)) {
                    report(l.file, row.row, "id " + rec.id + ": " + path + " is not a regular file or is an input of this run (left alone)");
                    continue;
                }
                std::string before = read_file_limited(path, kMaxProfileBytes, "profile");
                MergeResult mr = merge_profile(before, rec, today);
                if (mr.error) {
                    report(l.file, row.row, "id " + rec.id + ": " + *mr.error + " (left alone)");
                    continue;
                }
                if (mr.changed.empty()) {
                    ++res.unchanged;
                    continue;
                }
                text = std::move(mr.text);
                changed = std::move(mr.changed);
            } else {
                text = new_profile_text(rec, today);
            }
            if (auto problem = validation_problem(text, path)) {
                report(l.file, row.row, "id " + rec.id + ": " + *problem);
                continue;
            }
            if (opts.dry_run) {
                out << where << ": id " << rec.id << ": would "
                    << (exists ? "update " + join(changed) : "create " + path) << "\n";
            } else {
                // Written and fsync'd under a temporary name, then renamed; the
                // folder is synced once at the end (not once per profile).
                StagedFile staged(path, text, opts.output);
                staged.commit();
                wrote_any = true;
                out << where << ": id " << rec.id << ": " << (exists ? "updated " + join(changed) : "created") << "\n";
            }
            ++(exists ? res.updated : res.created);
        }
    }
    if (wrote_any) sync_directory(opts.out_dir);
    // Profiles the ledger no longer has: reported, never deleted.
    std::error_code ec;
    if (std::filesystem::is_directory(opts.out_dir, ec)) {
        std::vector<std::string> ids;
        for (const auto& e : std::filesystem::directory_iterator(opts.out_dir, ec)) {
            std::string name = e.path().filename().string();
            if (name.size() > 5 && name.compare(name.size() - 5, 5, ".yaml") == 0) {
                std::string id = name.substr(0, name.size() - 5);
                if (!seen.count(lower(id))) ids.push_back(id);
            }
        }
        std::sort(ids.begin(), ids.end());
        for (const auto& id : ids) out << opts.out_dir << "/" << id << ".yaml: id " << id << " is not in the ledger (kept)\n";
        res.not_in_ledger = std::move(ids);
    }
    out << (opts.dry_run ? "dry run: " : "") << res.created << " created, " << res.updated << " updated, "
        << res.unchanged << " unchanged, " << res.skipped_rows << " rows skipped, " << res.not_in_ledger.size()
        << " not in the ledger\n";
    return res;
}

}  // namespace sheetgen::intake
