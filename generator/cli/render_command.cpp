// sheetgen render: profiles + hazards -> verdicts -> support sheets (every
// household) and ventilator evacuation plans (ventilator users) as PDF.
#include <algorithm>
#include <array>
#include <atomic>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <optional>
#include <sstream>

#include "cli/args.hpp"
#include "cli/commands.hpp"
#include "cli/common_options.hpp"
#include "cli/data_dir.hpp"
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
#include "render/renderer.hpp"
#include "report/pdf_bundle.hpp"
#include "report/pdf_encrypt.hpp"
#include "risk/verdict.hpp"

namespace sheetgen::cli {

namespace {

const char* kRenderHelp =
    "usage: sheetgen render --hazards CONFIG PROFILE_OR_DIR... --out DIR [options]\n"
    "\n"
    "Renders an A4 disaster support sheet (災害対策支援シート) for every household\n"
    "and an evacuation plan (災害時個別支援計画) for every ventilator user, named\n"
    "DIR/<id>.pdf and DIR/<id>-ventilator-plan.pdf.\n"
    "\n"
    "options:\n"
    "  --hazards CONFIG        hazard configuration (geodata/*.yaml), required\n"
    "  --out DIR               output directory (created 0700), required\n"
    "  --bundle FILE           also write one PDF of every document, in priority order, for printing\n"
    "  --template FILE         support-sheet template (default: <prefix>/share/sheetgen/templates/support-sheet.yaml)\n"
    "  --plan-template FILE    ventilator-plan template (default: <prefix>/share/sheetgen/templates/ventilator-plan.yaml)\n"
    "  --plans ventilator|none which evacuation plans to render (default: ventilator)\n"
    "  --only-at-risk          skip households at level D (outside all zones)\n"
    "  --date YYYY-MM-DD       document date and 'today' for the review rule\n"
    "                          (default: document date = the profile's `updated`, today for the rule)\n"
    "  --font FILE             TrueType font (default: $SHEETGEN_FONT or IPAexGothic)\n"
    "  --password-file FILE    encrypt every PDF with AES-256, password read from FILE\n"
    "  --password-env VAR      ... or from environment variable VAR (never on the command line)\n"
    "  --jobs N                worker threads (default: number of cores)\n"
    "  --group-readable        create outputs 0640 / directories 0750 instead of 0600 / 0700\n"
    "  --timings               print timings to stderr\n"
    "  -q, --quiet             no progress bar\n"
    "\n"
    "Outputs must be regular files (or new), distinct from each other and from\n"
    "every input (profiles, config, layer sources, templates, font, password file):\n"
    "checked before any work. --bundle may not lie in DIR under a name <id>.pdf could\n"
    "take (use e.g. DIR/all.sheets.pdf). A bundle is withheld when any household's\n"
    "document could not be written. Passwords: at most 127 bytes of UTF-8, no NUL, no\n"
    "control/full-width/special-space characters (PDF 2.0); a BOM is dropped.\n"
    "Each option is given once.\n"
    "\n"
    "exit: 0 all rendered, 1 some profiles invalid (reported, skipped),\n"
    "      2 usage (also: an output that is an input, another output, a link or device),\n"
    "      3 hazard config/template/font unusable, 4 output not written,\n"
    "      5 out of memory / system limits, 130 interrupted (within ~2 s of one signal)\n";

struct Rendered {
    bool ok = false;
    std::vector<Diagnostic> diagnostics;
    std::string id;
    SourceLocation id_at;
    Priority level = Priority::D;
    bool skipped_by_filter = false;
    std::vector<StagedFile> staged;        // written and synced, published by the sink in order
    std::vector<std::string> bundle_parts; // unencrypted PDFs kept only when a bundle is wanted
    int pages = 0;
    std::string error;                     // output failure
    std::string render_error;              // a document library failed (libharu, HarfBuzz, libqpdf)
    std::optional<Diagnostic> input_error; // the household's data stopped the layout (located)
};

}  // namespace

int run_render(const std::vector<std::string>& argv, Streams io) {
    try {
        Args args(argv,
                  {"--hazards", "--out", "--bundle", "--template", "--plan-template", "--plans", "--date", "--font",
                   "--password-file", "--password-env", "--jobs"},
                  {"--help", "--only-at-risk", "--quiet", "--timings", "--group-readable"},
                  {{"-o", "--out"}, {"-h", "--help"}, {"-q", "--quiet"}});
        if (args.flag("--help")) {
            io.out << kRenderHelp;
            return kExitOk;
        }
        auto hazards_path = args.value("--hazards");
        auto out_dir = args.value("--out");
        if (!hazards_path) throw UsageError("--hazards CONFIG is required");
        if (!out_dir) throw UsageError("--out DIR is required");
        if (args.positionals().empty()) throw UsageError("give at least one profile file or directory");
        const std::string plans = args.value("--plans").value_or("ventilator");
        if (plans != "ventilator" && plans != "none") throw UsageError("--plans takes 'ventilator' or 'none'");
        const Date as_of = as_of_date(args);
        // --date also fixes the document date; without it each sheet carries its profile's `updated`.
        const std::optional<Date> fixed_date = args.value("--date") ? std::optional<Date>(as_of) : std::nullopt;
        const unsigned jobs = job_count(args);
        const OutputOptions out_opts = output_options(args);
        const auto bundle_path = args.value("--bundle");
        const bool only_at_risk = args.flag("--only-at-risk");
        std::optional<PdfProtection> protection;
        if (args.value("--password-file") && args.value("--password-env"))
            throw UsageError("give --password-file or --password-env, not both");
        try {
            if (auto f = args.value("--password-file")) protection = PdfProtection{read_password_file(*f), "", true, false};
            if (auto v = args.value("--password-env")) protection = PdfProtection{read_password_env(*v), "", true, false};
        } catch (const std::runtime_error& e) {
            throw UsageError(e.what());
        }
        std::string font = args.value("--font").value_or("");
        if (font.empty()) {
            const char* env = std::getenv("SHEETGEN_FONT");
            font = env && *env ? env : SHEETGEN_DEFAULT_FONT;
        }
        const std::string sheet_template = args.value("--template").value_or(data_path("templates/support-sheet.yaml"));
        const std::string plan_template =
            args.value("--plan-template").value_or(data_path("templates/ventilator-plan.yaml"));
        const auto& interrupted = install_interrupt_handlers();
        PhaseClock total_clock;

        // Before any work: the inputs, and no output may destroy one of them
        // or another output (the bundle may not take a document's name).
        const HazardConfig hazard_config = load_hazard_config(*hazards_path);
        std::vector<Diagnostic> path_problems;
        const std::vector<std::string> paths = expand_profile_paths(args.positionals(), path_problems);
        IoGuard guard;
        guard.add_hazard_inputs(*hazards_path, hazard_config);
        guard.add_input(sheet_template, "template");
        if (plans == "ventilator") guard.add_input(plan_template, "plan template");
        guard.add_input(font, "font");
        if (auto f = args.value("--password-file")) guard.add_input(*f, "password file");
        guard.add_profiles(paths);
        if (bundle_path) guard.add_output(*bundle_path, "--bundle");
        guard.add_document_directory(*out_dir, "--out");

        // Work that does not depend on the household: once per run.
        Renderer sheet_renderer = Renderer::load(font, sheet_template);
        std::optional<Renderer> plan_renderer;
        if (plans == "ventilator") plan_renderer.emplace(Renderer::load(font, plan_template));
        std::vector<Diagnostic> warnings;
        HazardSet hazards = HazardSet::load(hazard_config, &warnings);
        for (const auto& w : warnings) io.err << format_diagnostic(w) << "\n";
        try {
            ensure_directory(*out_dir, out_opts);
        } catch (const OutputError& e) {
            io.err << "sheetgen render: " << e.what() << "\n";
            return kExitOutput;
        }

        for (const auto& d : path_problems) io.err << format_diagnostic(d) << "\n";
        RiskOptions risk;
        risk.as_of = as_of;

        auto stage_pdf = [&](const std::string& path, const std::string& pdf) {
            return StagedFile(path, protection ? encrypt_pdf(pdf, *protection) : pdf, out_opts);
        };
        auto work = [&](size_t i) {
            Rendered r;
            ProfileResult parsed = load_profile_file(paths[i]);
            r.diagnostics = std::move(parsed.diagnostics);
            if (!parsed.ok() || !parsed.profile) return r;
            const Profile& p = *parsed.profile;
            r.id = p.id;
            r.id_at = parsed.id_at;
            Exposure e = hazards.expose(p.household.location);
            Verdict v = assess(p, e, hazards.shelters(), risk);
            r.level = v.level;
            r.ok = true;
            if (only_at_risk && v.level == Priority::D) {
                r.skipped_by_filter = true;
                return r;
            }
            MapRequest req = sheet_renderer.map_request(p, v);
            MapExtract map = hazards.extract_map(req.centre, req.half_width_m, req.half_height_m, req.resolution_m);
            RenderOptions opts;
            opts.document_date = fixed_date ? *fixed_date : p.updated;
            std::vector<SheetInput> input{SheetInput{&p, &v, &map}};
            try {
                RenderedDocument sheet = sheet_renderer.render(input, opts);
                for (auto& w : sheet.warnings) r.diagnostics.push_back(std::move(w));
                const std::string sheet_path = *out_dir + "/" + p.id + ".pdf";
                r.staged.push_back(stage_pdf(sheet_path, sheet.pdf));
                r.pages += sheet.page_count;
                if (bundle_path) r.bundle_parts.push_back(std::move(sheet.pdf));
                if (plan_renderer && p.uses_ventilator()) {
                    MapRequest preq = plan_renderer->map_request(p, v);
                    MapExtract pmap = (preq.half_width_m == req.half_width_m && preq.half_height_m == req.half_height_m)
                                          ? map
                                          : hazards.extract_map(preq.centre, preq.half_width_m, preq.half_height_m,
                                                                preq.resolution_m);
                    std::vector<SheetInput> pin{SheetInput{&p, &v, &pmap}};
                    RenderedDocument plan = plan_renderer->render(pin, opts);
                    for (auto& w : plan.warnings) r.diagnostics.push_back(std::move(w));
                    const std::string plan_path = *out_dir + "/" + p.id + kPlanFileSuffix + ".pdf";
                    r.staged.push_back(stage_pdf(plan_path, plan.pdf));
                    r.pages += plan.page_count;
                    if (bundle_path) r.bundle_parts.push_back(std::move(plan.pdf));
                }
            } catch (const OutputError& e) {
                r.error = e.what();
            } catch (const RenderError& e) {
                r.render_error = e.what();
            } catch (const InputError& e) {  // this household's data: reported where it is, like an invalid profile
                r.input_error = Diagnostic{e.where(), e.message()};
            }
            return r;
        };

        struct BundleEntry {
            Priority level;
            size_t order;
            std::vector<std::string> parts;
        };
        std::vector<BundleEntry> bundle;
        IdRegistry seen_ids;
        std::vector<std::string> failed_ids;  // households whose documents could not be written
        size_t households = 0;
        size_t invalid = path_problems.size(), output_failures = 0, render_failures = 0, done = 0, documents = 0,
               filtered = 0;
        int pages = 0;
        Progress progress(io.err, io.err_is_tty && !args.flag("--quiet"), paths.size(), "render");
        auto sink = [&](size_t i, Rendered&& r) {
            ++done;
            for (const auto& d : r.diagnostics) io.err << format_diagnostic(d) << "\n";
            if (!r.ok) {
                ++invalid;
            } else if (auto dup = seen_ids.add(r.id, r.id_at)) {
                // Same id, same output name: the first household's files stand.
                io.err << format_diagnostic(*dup) << " (household skipped)\n";
                ++invalid;
            } else if (r.input_error) {
                io.err << format_diagnostic(*r.input_error) << " (household " << r.id << " skipped)\n";
                ++invalid;
            } else if (!r.error.empty() || !r.render_error.empty()) {
                const bool render = r.error.empty();
                io.err << "sheetgen render: " << r.id << ": " << (render ? "document library failed: " + r.render_error : r.error)
                       << "\n";
                ++(render ? render_failures : output_failures);
                failed_ids.push_back(r.id);
            } else if (r.skipped_by_filter) {
                ++filtered;
            } else {
                // Publish in order; count what really reaches the disk, so the
                // summary always matches the directory.
                size_t committed = 0;
                try {
                    for (auto& f : r.staged) {
                        std::string input = guard.input_at(f.path());
                        if (!input.empty())
                            throw OutputError(f.path() + " is an input of this run (" + input + "); not replaced");
                        f.commit();
                        ++committed;
                    }
                } catch (const OutputError& e) {
                    io.err << "sheetgen render: " << r.id << ": " << e.what() << "\n";
                    for (auto& f : r.staged) f.discard();
                    documents += committed;
                    ++output_failures;
                    failed_ids.push_back(r.id);
                    progress.update(done);
                    return;
                }
                ++households;
                documents += committed;
                pages += r.pages;
                if (bundle_path) bundle.push_back(BundleEntry{r.level, i, std::move(r.bundle_parts)});
            }
            progress.update(done);
        };
        // A small window: each waiting result holds finished PDFs.
        unsigned threads_started = 0;
        run_ordered<Rendered>(paths.size(), jobs, jobs * 2, work, sink, &interrupted, &threads_started);
        if (threads_started < jobs)
            io.err << "sheetgen render: warning: the system allowed " << threads_started << " of " << jobs
                   << " worker threads (ulimit -u / -v?); " << (threads_started ? "ran with fewer" : "ran on the main thread alone")
                   << "\n";
        progress.finish();
        try {
            sync_directory(*out_dir);  // make the renames of this run durable, once
        } catch (const OutputError& e) {
            io.err << "sheetgen render: " << e.what() << "\n";
            return kExitOutput;
        }

        if (interrupted.load()) {
            io.err << "sheetgen render: interrupted after " << done << " of " << paths.size() << " households; "
                   << documents << " complete PDFs kept in " << *out_dir
                   << ", no bundle written; run again to redo the rest\n";
            return kExitInterrupted;
        }

        int bundle_pages = 0;
        bool bundle_withheld = false;
        if (bundle_path && !failed_ids.empty()) {
            // A "for printing" bundle that silently misses a household is
            // worse than none: withhold it, as on an interrupt.
            bundle_withheld = true;
            std::string ids;
            for (size_t k = 0; k < failed_ids.size() && k < 20; ++k) ids += (k ? ", " : "") + failed_ids[k];
            if (failed_ids.size() > 20) ids += " and " + std::to_string(failed_ids.size() - 20) + " more";
            io.err << "sheetgen render: bundle " << *bundle_path << " NOT written: it would miss "
                   << failed_ids.size() << (failed_ids.size() == 1 ? " household" : " households")
                   << " whose documents could not be written (" << ids << "); fix the cause and run again\n";
        } else if (bundle_path) {
            std::stable_sort(bundle.begin(), bundle.end(),
                             [](const BundleEntry& a, const BundleEntry& b) { return a.level < b.level; });
            std::vector<std::string> parts;
            for (auto& b : bundle)
                for (auto& p : b.parts) parts.push_back(std::move(p));
            try {
                BundleResult merged = bundle_pdfs(parts);
                bundle_pages = merged.page_count;
                ensure_parent_directory(*bundle_path, out_opts);
                write_file_atomic(*bundle_path, protection ? encrypt_pdf(merged.pdf, *protection) : merged.pdf,
                                  out_opts);
            } catch (const std::exception& e) {
                io.err << "sheetgen render: bundle: " << e.what() << "\n";
                return kExitOutput;
            }
        }

        io.out << documents << " PDF documents (" << pages << " pages) written to " << *out_dir << " for "
               << households << " households";
        if (filtered) io.out << "; " << filtered << " outside all zones skipped (--only-at-risk)";
        if (invalid) io.out << "; " << invalid << " skipped (invalid profiles, see above)";
        if (output_failures) io.out << "; " << output_failures << " failed to write";
        if (render_failures) io.out << "; " << render_failures << " could not be rendered";
        io.out << "\n";
        if (bundle_path && !bundle_withheld)
            io.out << "bundle for printing: " << *bundle_path << " (" << bundle_pages << " pages)\n";
        if (args.flag("--timings")) {
            double secs = total_clock.elapsed_ns() / 1e9;
            std::ostringstream t;
            t.setf(std::ios::fixed);
            t.precision(2);
            t << "timings: households=" << paths.size() << " documents=" << documents << " jobs=" << jobs
              << " total_s=" << secs << " documents_per_s=" << (secs > 0 ? documents / secs : 0) << "\n";
            io.err << t.str();
        }
        if (output_failures) return kExitOutput;
        if (render_failures) return kExitRender;
        return invalid ? kExitInvalidInput : kExitOk;
    } catch (const UsageError& e) {
        io.err << "sheetgen render: " << e.what() << "\n(see sheetgen render --help)\n";
        return kExitUsage;
    } catch (const InputError& e) {
        io.err << e.what() << "\n";
        return kExitFatalInput;
    } catch (const OutputError& e) {
        io.err << "sheetgen render: " << e.what() << "\n";
        return kExitOutput;
    }
}

}  // namespace sheetgen::cli
