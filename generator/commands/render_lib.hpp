#pragma once
// sheetgen render as a library: profiles + hazards -> verdicts -> one PDF per
// household and document type of the document list (support sheet for all,
// evacuation plan for ventilator users, help card ...), and optionally one
// bundle for printing.
#include <atomic>
#include <optional>
#include <string>
#include <vector>

#include "commands/command_io.hpp"
#include "common/atomic_file.hpp"
#include "common/date.hpp"
#include "diff/change_codes.hpp"
#include "render/document_list.hpp"
#include "report/pdf_encrypt.hpp"

namespace sheetgen::commands {

// One document type (a line of the document list, render/document_list.hpp):
// a template, who gets it, and its file name DIR/<file_pattern with {id}>.
struct DocumentJob {
    std::string name;          // "sheet", "plan", "card": in messages
    std::string template_path;
    render::DocumentFor audience = render::DocumentFor::Everyone;  // the document list's `for`
    std::string file_pattern = "{id}.pdf";
    std::string page_size;     // "" = the template's
};

struct RenderDocumentsOptions {
    std::string hazards_config;
    std::vector<std::string> profile_paths;
    std::string out_dir;                      // created 0700
    std::vector<DocumentJob> documents;       // in the order each household's files are written
    std::string document_list;                // an input (when given): no output may replace it
    std::optional<std::string> bundle;        // one PDF of everything, in priority order
    std::string font;                         // TrueType font file
    bool only_at_risk = false;                // skip priority D
    // A changes list (diff/changes_report.hpp: read_change_list): every sheet
    // whose household has changes gets its 「前回からの変更」 box (templates with
    // a `changes` section); its refused rows are reported and their
    // households skipped. With changed_only, only the households whose plans
    // changed are rendered.
    std::optional<ChangeList> changes;
    bool changed_only = false;
    std::optional<std::string> changes_list;  // where `changes` came from: an input no output may replace
    Date as_of;                               // "today" for the review rule
    std::optional<Date> document_date;        // else each profile's `updated`
    std::optional<PdfProtection> protection;  // AES-256 for every PDF
    std::optional<std::string> password_file; // an input: no output may replace it
    RunSettings run;
};

struct RenderDocumentsResult {
    size_t profile_files = 0, households_seen = 0;
    size_t households = 0;       // whose documents were all written
    size_t documents = 0;        // PDFs that reached the disk
    int pages = 0;
    size_t skipped = 0;          // invalid profiles, duplicate ids, data that stopped the layout, refused rows of `changes`
    size_t filtered = 0;         // level D with only_at_risk, or unchanged with changed_only
    size_t output_failures = 0;  // a household's file could not be written
    size_t render_failures = 0;  // a document library failed for a household
    std::vector<std::string> failed_ids;
    bool interrupted = false;
    bool bundle_written = false, bundle_withheld = false;
    int bundle_pages = 0;
    long long total_ns = 0;
};

// Throws UsageError (options, an output over an input), InputError (config,
// template, font), OutputError (the directory or the bundle). A household
// whose files fail is counted and named, and the run goes on.
RenderDocumentsResult render_documents(const RenderDocumentsOptions& options, Streams io);

}  // namespace sheetgen::commands
