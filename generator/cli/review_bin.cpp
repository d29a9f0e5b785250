// sheetgen review: the command line of commands::review_profiles.
#include <ostream>

#include "cli/command.hpp"
#include "cli/common_options.hpp"
#include "cli/exit_codes.hpp"
#include "commands/review_lib.hpp"

namespace sheetgen::cli {

namespace {

const CommandSpec kReviewSpec{
    "review",
    "PROFILE_OR_DIR... -o REVIEW.csv [--date YYYY-MM-DD] [--within DAYS]",
    "list plans and consents due for review, and drafts to finish",
    "Lists, one row per household and reason, plans whose yearly review is overdue\n"
    "or due within the window, consent to share that is missing or due to be\n"
    "confirmed again, and draft profiles still incomplete, with the due date.\n"
    "Most urgent first. Reads the profiles only (no hazard data).",
    {
        {"--out", "-o", "FILE", "CSV to write (UTF-8 with BOM), required"},
        {"--date", "", "YYYY-MM-DD", "'today' (default: today)"},
        {"--within", "", "DAYS", "'due soon' window in days (default: 60)"},
        {"--review-months", "", "N", "months between plan reviews (default: 12)"},
        {"--consent-months", "", "N", "months after which consent is confirmed again (default: 12)"},
        group_readable_option(),
    },
    "reason codes: consent_missing, review_overdue, consent_expired, draft_incomplete,\n"
    "review_due, consent_due (docs/review.md).",
    {kExitOk, kExitInvalidInput, kExitUsage, kExitOutput, kExitResources, kExitInternal, kExitInterrupted},
};

class ReviewCommand : public Command {
public:
    const CommandSpec& spec() const override { return kReviewSpec; }

    void setup(const Args& args) override {
        o_.profile_paths = args.positionals();
        o_.out_csv = value_or_empty(args, "--out");
        o_.policy.as_of = as_of_date(args);
        o_.policy.within_days = static_cast<int>(args.integer("--within", 0, 3660).value_or(60));
        o_.policy.review_months = static_cast<int>(args.integer("--review-months", 1, 120).value_or(12));
        o_.policy.consent_months = static_cast<int>(args.integer("--consent-months", 1, 120).value_or(12));
        o_.run.output = output_options(args);
    }

    int run(Streams io) override {
        arm(o_.run, io, true);
        const commands::ReviewResult r = commands::review_profiles(o_, io);
        if (r.interrupted) {
            io.err << "sheetgen review: interrupted; no list written\n";
            return kExitInterrupted;
        }
        io.out << r.profiles << " profiles checked: " << r.households_listed << " need attention";
        if (r.skipped) io.out << ", " << r.skipped << " skipped (invalid profiles, see above)";
        io.out << "\n";
        for (const auto& [code, n] : r.per_code) io.out << "  " << code << ": " << n << "\n";
        io.out << "wrote " << o_.out_csv << "\n";
        return r.skipped ? kExitInvalidInput : kExitOk;
    }

private:
    commands::ReviewOptions o_;
};

}  // namespace

std::unique_ptr<Command> make_review_command() { return std::make_unique<ReviewCommand>(); }

}  // namespace sheetgen::cli
