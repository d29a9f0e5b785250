// sheetgen roster: the command line of commands::make_rosters.
#include <cstdlib>
#include <ostream>

#include "cli/command.hpp"
#include "cli/common_options.hpp"
#include "cli/exit_codes.hpp"
#include "commands/roster_lib.hpp"

namespace sheetgen::cli {

namespace {

const CommandSpec kRosterSpec{
    "roster",
    "--hazards CONFIG PROFILE_OR_DIR... --by district|supporter --out DIR [options]",
    "rosters for supporters (避難支援等関係者名簿), consenting households only",
    "Writes one PDF and one CSV per group, DIR/roster-<group>.pdf and .csv: per\n"
    "district (町丁目) or per supporter named in the profiles. A roster lists only\n"
    "households that consented to share (consent.share_with_supporters: true), sorted\n"
    "by staff priority, with only what a supporter needs: name, address, family phone,\n"
    "the help needed, helpers, the action, when to leave and the destination. No\n"
    "diagnoses, medication or notes. DIR/staff-summary.csv counts, per group, the\n"
    "households without consent (never named).",
    {
        hazards_option(),
        {"--by", "", "district|supporter", "how to group the rosters, required"},
        {"--out", "-o", "DIR", "output directory (created 0700), required"},
        {"--date", "", "YYYY-MM-DD", "作成日 on the rosters and 'today' for the review rule (default: today)"},
        {"--font", "", "FILE", "TrueType font (default: $SHEETGEN_FONT or IPAexGothic)"},
        jobs_option(),
        group_readable_option(),
    },
    "Nothing is written when the run is interrupted: a roster that misses households\n"
    "is not handed out.",
    {kExitOk, kExitInvalidInput, kExitUsage, kExitFatalInput, kExitOutput, kExitResources, kExitInternal,
     kExitInterrupted},
};

RosterGrouping grouping_from(const Args& args) {
    const std::string by = value_or_empty(args, "--by");
    if (by == "district") return RosterGrouping::District;
    if (by == "supporter") return RosterGrouping::Supporter;
    throw UsageError(by.empty() ? "--by district|supporter is required"
                                : "--by takes 'district' or 'supporter', got '" + by + "'");
}

class RosterCommand : public Command {
public:
    const CommandSpec& spec() const override { return kRosterSpec; }

    void setup(const Args& args) override {
        o_.hazards_config = value_or_empty(args, "--hazards");
        o_.out_dir = value_or_empty(args, "--out");
        o_.profile_paths = args.positionals();
        o_.by = grouping_from(args);
        o_.as_of = as_of_date(args);
        o_.font = font_option(args);
        o_.run = run_settings(args);
    }

    int run(Streams io) override {
        arm(o_.run, io, true);
        const commands::RosterResult r = commands::make_rosters(o_, io);
        if (r.interrupted) {
            io.err << "sheetgen roster: interrupted; no roster written\n";
            return kExitInterrupted;
        }
        io.out << r.rosters << (r.rosters == 1 ? " roster" : " rosters") << " written to " << o_.out_dir
               << ": " << r.listed << " households listed (consented), " << r.without_consent
               << " without consent left out";
        if (r.skipped) io.out << ", " << r.skipped << " skipped (invalid profiles, see above)";
        io.out << "\n";
        for (const auto& g : r.groups)
            io.out << "  " << g.label << ": " << g.listed << " listed, " << g.without_consent << " without consent"
                   << (g.listed ? "" : " (no roster: nobody in this group consented)") << "\n";
        return r.skipped ? kExitInvalidInput : kExitOk;
    }

private:
    commands::RosterOptions o_;
};

}  // namespace

std::unique_ptr<Command> make_roster_command() { return std::make_unique<RosterCommand>(); }

}  // namespace sheetgen::cli
