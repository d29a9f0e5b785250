// sheetgen render: the command line of commands::render_documents.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <ostream>

#include "cli/command.hpp"
#include "cli/common_options.hpp"
#include "cli/data_dir.hpp"
#include "cli/exit_codes.hpp"
#include "commands/render_lib.hpp"
#include "diff/changes_report.hpp"
#include "profile/parse.hpp"
#include "render/document_list.hpp"

namespace sheetgen::cli {

namespace {

const CommandSpec kRenderSpec{
    "render",
    "--hazards CONFIG PROFILE_OR_DIR... --out DIR [options]",
    "render support sheets, ventilator plans, help cards ... as PDF",
    "Renders the document types chosen with --documents from the document list:\n"
    "by default an A4 disaster support sheet (災害対策支援シート) for every household\n"
    "and an evacuation plan (災害時個別支援計画) for every ventilator user, named\n"
    "DIR/<id>.pdf and DIR/<id>-ventilator-plan.pdf; `card` is the help card\n"
    "(DIR/<id>-help-card.pdf), `kit` the fridge sheet (DIR/<id>-emergency-kit.pdf),\n"
    "`sheet-en` the support sheet in English (DIR/<id>-en.pdf) for households whose\n"
    "profile says household.language: en.",
    {
        hazards_option(),
        {"--out", "-o", "DIR", "output directory (created 0700), required"},
        {"--bundle", "", "FILE", "also write one PDF of every document, in priority order, for printing"},
        {"--template", "", "FILE", "support-sheet template\n(default: <prefix>/share/sheetgen/templates/support-sheet.yaml)"},
        {"--plan-template", "", "FILE",
         "ventilator-plan template\n(default: <prefix>/share/sheetgen/templates/ventilator-plan.yaml)"},
        {"--plans", "", "ventilator|none", "which evacuation plans to render (default: ventilator; none = no `plan`)"},
        {"--documents", "", "NAME,...", "document types to render, from the document list (default: sheet,plan;\n"
         "the installed list also has card, kit, sheet-en)"},
        {"--document-list", "", "FILE",
         "the document list (default: <prefix>/share/sheetgen/templates/documents.yaml)"},
        {"--only-at-risk", "", "", "skip households at level D (outside all zones)"},
        {"--changes", "", "CHANGES.csv",
         "print a 「前回からの変更」 box (templates with a `changes`\n"
         "section) for each household whose plan a changes list\n"
         "written by 'sheetgen diff' marks as changed; the others none"},
        {"--changed-only", "", "CHANGES.csv",
         "render only the households whose plans changed in a changes list\n"
         "(every row but unchanged / household_removed), with the box"},
        {"--date", "", "YYYY-MM-DD",
         "document date and 'today' for the review rule (default: document\n"
         "date = the profile's `updated`, today for the rule)"},
        {"--font", "", "FILE", "TrueType font (default: $SHEETGEN_FONT or IPAexGothic)"},
        {"--password-file", "", "FILE", "encrypt every PDF with AES-256, password read from FILE"},
        {"--password-env", "", "VAR", "... or from environment variable VAR (never on the command line)"},
        jobs_option(),
        group_readable_option(),
        timings_option(),
        quiet_option(),
    },
    "Outputs must be regular files (or new), distinct from each other and from\n"
    "every input (profiles, config, layer sources, templates, font, password file):\n"
    "checked before any work. --bundle may not lie in DIR under a name <id>.pdf could\n"
    "take (use e.g. DIR/all.sheets.pdf). A bundle is withheld when any household's\n"
    "document could not be written. Passwords: at most 127 bytes of UTF-8, no NUL, no\n"
    "control/full-width/special-space characters (PDF 2.0); a BOM is dropped.\n"
    "Each option is given once.",
    {kExitOk, kExitInvalidInput, kExitUsage, kExitFatalInput, kExitOutput, kExitResources, kExitRender,
     kExitInternal, kExitInterrupted},
};

std::optional<PdfProtection> password_from(const Args& args) {
    auto file = args.value("--password-file");
    auto env = args.value("--password-env");
    if (file && env) throw UsageError("give --password-file or --password-env, not both");
    try {
        if (file) return PdfProtection{read_password_file(*file), "", true, false};
        if (env) return PdfProtection{read_password_env(*env), "", true, false};
    } catch (const std::runtime_error& e) {
        throw UsageError(e.what());
    }
    return std::nullopt;
}

std::vector<std::string> split_names(const std::string& s) {
    std::vector<std::string> out;
    size_t b = 0;
    while (true) {
        const size_t e = s.find(',', b);
        out.push_back(s.substr(b, e == std::string::npos ? std::string::npos : e - b));
        if (e == std::string::npos) return out;
        b = e + 1;
    }
}

// One chosen document type of the list as a job; --template and
// --plan-template replace the templates of `sheet` and `plan`.
commands::DocumentJob job_for(const render::DocumentType& d, const Args& args) {
    std::string tpl = d.template_path;
    if (d.name == "sheet" && args.value("--template")) tpl = *args.value("--template");
    if (d.name == "plan" && args.value("--plan-template")) tpl = *args.value("--plan-template");
    return {d.name, tpl, d.audience, d.file_pattern, d.page_size};
}

// The document types of --documents (default sheet,plan) from the document
// list, in that order; --plans none leaves out `plan`, as it always has.
std::vector<commands::DocumentJob> documents_from(const Args& args, const std::string& list_path) {
    const std::string plans = args.value("--plans").value_or("ventilator");
    if (plans != "ventilator" && plans != "none") throw UsageError("--plans takes 'ventilator' or 'none'");
    const render::DocumentList list = render::load_document_list(list_path);
    std::vector<std::string> chosen = split_names(args.value("--documents").value_or("sheet,plan"));
    std::vector<commands::DocumentJob> docs;
    std::vector<std::string> seen;
    for (const auto& name : chosen) {
        const render::DocumentType* d = list.find(name);
        if (!d) {
            std::string known;
            for (const auto& n : list.names()) known += (known.empty() ? "" : ", ") + n;
            throw UsageError("--documents: unknown document type '" + name + "' (" + list_path + " lists: " + known + ")");
        }
        if (std::find(seen.begin(), seen.end(), name) != seen.end())
            throw UsageError("--documents: '" + name + "' is given twice");
        seen.push_back(name);
        if (name == "plan" && plans == "none") continue;
        docs.push_back(job_for(*d, args));
    }
    auto chose = [&](const char* n) { return std::find(seen.begin(), seen.end(), n) != seen.end(); };
    if (args.value("--template") && !chose("sheet")) throw UsageError("--template is for 'sheet', which --documents leaves out");
    if (args.value("--plan-template") && !chose("plan"))
        throw UsageError("--plan-template is for 'plan', which --documents leaves out");
    if (args.value("--plans") == std::optional<std::string>("ventilator") && !chose("plan"))
        throw UsageError("--plans ventilator asks for 'plan', which --documents leaves out");
    if (docs.empty()) throw UsageError("--documents: no document type left to render");
    return docs;
}

class RenderCommand : public Command {
public:
    const CommandSpec& spec() const override { return kRenderSpec; }

    void setup(const Args& args) override {
        o_.hazards_config = value_or_empty(args, "--hazards");
        o_.out_dir = value_or_empty(args, "--out");
        o_.profile_paths = args.positionals();
        o_.document_list = args.value("--document-list").value_or(data_path("templates/documents.yaml"));
        o_.documents = documents_from(args, o_.document_list);
        o_.bundle = args.value("--bundle");
        o_.only_at_risk = args.flag("--only-at-risk");
        changes_from(args);
        o_.as_of = as_of_date(args);
        // --date also fixes the document date; without it each sheet carries its profile's `updated`.
        if (args.value("--date")) o_.document_date = o_.as_of;
        o_.protection = password_from(args);
        o_.password_file = args.value("--password-file");
        o_.font = font_option(args);
        o_.run = run_settings(args);
        timings_ = args.flag("--timings");
        quiet_ = args.flag("--quiet");
    }

    int run(Streams io) override {
        arm(o_.run, io, quiet_);
        const commands::RenderDocumentsResult r = commands::render_documents(o_, io);
        if (r.interrupted) {
            io.err << "sheetgen render: interrupted after " << r.households_seen << " of " << r.profile_files
                   << " households; " << r.documents << " complete PDFs kept in " << o_.out_dir
                   << ", no bundle written; run again to redo the rest\n";
            return kExitInterrupted;
        }
        if (r.bundle_withheld) report_withheld_bundle(io.err, r);
        print_summary(io.out, r);
        if (timings_) print_timings(io.err, r);
        if (r.output_failures) return kExitOutput;
        if (r.render_failures) return kExitRender;
        return r.skipped ? kExitInvalidInput : kExitOk;
    }

private:
    // --changes or --changed-only (which prints the boxes too): the list is
    // read once, here; a file that is no changes list stops the run (exit 3).
    void changes_from(const Args& args) {
        const auto boxes = args.value("--changes"), only = args.value("--changed-only");
        if (boxes && only) throw UsageError("give --changes or --changed-only, not both (--changed-only prints the boxes too)");
        o_.changes_list = only ? only : boxes;
        o_.changed_only = only.has_value();
        if (o_.changes_list) o_.changes = read_change_list(*o_.changes_list);
    }

    void report_withheld_bundle(std::ostream& err, const commands::RenderDocumentsResult& r) const {
        const auto& ids = r.failed_ids;
        std::string list;
        for (size_t k = 0; k < ids.size() && k < 20; ++k) list += (k ? ", " : "") + ids[k];
        if (ids.size() > 20) list += " and " + std::to_string(ids.size() - 20) + " more";
        err << "sheetgen render: bundle " << *o_.bundle << " NOT written: it would miss " << ids.size()
            << (ids.size() == 1 ? " household" : " households")
            << " whose documents could not be written (" << list << "); fix the cause and run again\n";
    }

    void print_summary(std::ostream& out, const commands::RenderDocumentsResult& r) const {
        out << r.documents << " PDF documents (" << r.pages << " pages) written to " << o_.out_dir << " for "
            << r.households << " households";
        if (r.filtered)
            out << "; " << r.filtered
                << (o_.changed_only ? " skipped (unchanged or filtered)" : " outside all zones skipped (--only-at-risk)");
        if (r.skipped)
            out << "; " << r.skipped << " skipped ("
                << (o_.changes ? "invalid profiles or rows of the changes list" : "invalid profiles") << ", see above)";
        if (r.output_failures) out << "; " << r.output_failures << " failed to write";
        if (r.render_failures) out << "; " << r.render_failures << " could not be rendered";
        out << "\n";
        if (r.bundle_written) out << "bundle for printing: " << *o_.bundle << " (" << r.bundle_pages << " pages)\n";
    }

    void print_timings(std::ostream& err, const commands::RenderDocumentsResult& r) const {
        const double secs = r.total_ns / 1e9;
        char rate[32], total[32];
        std::snprintf(total, sizeof total, "%.2f", secs);
        std::snprintf(rate, sizeof rate, "%.2f", secs > 0 ? r.documents / secs : 0.0);
        err << "timings: households=" << r.profile_files << " documents=" << r.documents << " jobs=" << o_.run.jobs
            << " total_s=" << total << " documents_per_s=" << rate << "\n";
    }

    commands::RenderDocumentsOptions o_;
    bool timings_ = false, quiet_ = false;
};

}  // namespace

std::unique_ptr<Command> make_render_command() { return std::make_unique<RenderCommand>(); }

}  // namespace sheetgen::cli
