#pragma once
// The change codes, declared once (change_codes.cpp): for staff, the urgency
// and the Japanese and English sentences of the changes list (docs/hazard-diff.md);
// for the family, the words of the 「前回からの変更」 box a sheet prints.
//
// Its own small library (sheetgen_change_codes, below sheetgen_commands):
// `diff` writes the codes, `render` reads them back to print the box, and
// neither needs the other.
#include <map>
#include <set>
#include <string>
#include <vector>

#include "common/error.hpp"
#include "risk/verdict.hpp"

namespace sheetgen {

// Which line of the sheet's box a code belongs to: the box prints one line
// per group, so it stays short however many codes a household has.
enum class ChangeGroup {
    None,         // nothing for the family (unchanged, household_removed)
    Zone,         // which zones the home is in
    Water,        // how deep, how long
    Action,       // what the family does
    Priority,     // the office's priority (printed after the action, on its line)
    Destination,  // where the family goes
    FirstPlan,    // no earlier plan
};

struct ChangeDef {
    const char* code;
    bool redo;       // the plan must be redone now (listed in the terminal summary)
    const char* ja;  // for staff; template: {name} is replaced by the parameter `name`
    const char* en;
    ChangeGroup group;
    // For the family, on the sheet. Never names a place: the places the
    // family may go are printed elsewhere, from today's verdict. Slots are
    // filled from today's verdict only ({action}, {action_topic}).
    const char* sheet;
    // The site the plan named is no longer usable: the sheet stops naming it.
    bool withdraws_planned_site;
};

// Every code, most urgent first: a row is sorted by its most urgent code.
const std::vector<ChangeDef>& change_catalogue();
// Position in the catalogue; throws std::logic_error for an unknown code.
size_t change_rank(const std::string& code);
const ChangeDef& change_def(const std::string& code);
// nullptr for an unknown code.
const ChangeDef* find_change_def(const std::string& code);
std::vector<std::string> change_code_names();

// A plan a changes list marks as changed: any code but `unchanged` and
// `household_removed` (render --changed-only renders these households).
bool plan_changed(const std::vector<std::string>& codes);

// A changes list read back (render --changes / --changed-only).
struct ChangeList {
    std::map<std::string, std::vector<std::string>> codes;  // id -> known codes, most urgent first
    std::vector<Diagnostic> problems;                       // rows refused, located file:row
    std::set<std::string> refused_ids;                      // ids of refused rows: not rendered
};

// The 「前回からの変更」 box of one household: at most one line per group,
// from the codes through the catalogue and today's verdict (never from a
// list's sentence columns, which a user may have edited).
struct SheetChanges {
    std::vector<std::string> lines;  // empty: no box
    bool planned_site_withdrawn = false;
};
// Throws std::logic_error for an unknown code (a list is checked when read).
SheetChanges sheet_changes(const std::vector<std::string>& codes, const Verdict& today);

}  // namespace sheetgen
