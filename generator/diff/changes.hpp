#pragma once
// What a hazard-map revision (or a year of profile changes) did to each
// household's plan: stable change codes, declared once with their urgency and
// their sentences (diff/change_codes.cpp), like the reason codes of
// risk/reasons.cpp. Every code is explained in docs/hazard-diff.md.
#include <optional>
#include <string>
#include <vector>

#include "diff/change_codes.hpp"
#include "diff/snapshot.hpp"

namespace sheetgen {

struct Change {
    std::string code;
    std::string ja, en;  // the catalogue's sentence with the values filled in
};

// One household: before and after (either may be absent: new_household,
// household_removed) and the changes, most urgent first.
struct ChangeRow {
    std::optional<Snapshot> before, after;
    std::vector<Change> changes;
    const std::string& id() const { return after ? after->id : before->id; }
    bool redo() const;
};

// The changes between two snapshots of one household (either may be
// nullptr, not both); `unchanged` when nothing listed changed.
ChangeRow compare(const Snapshot* before, const Snapshot* after);

// Every household of either side, matched by id, sorted most urgent first
// (then by the priority after the revision, A first, then by id): the same
// inputs always give the same order.
std::vector<ChangeRow> compare_all(const std::vector<Snapshot>& before, const std::vector<Snapshot>& after);
void sort_rows(std::vector<ChangeRow>& rows);

// Texts the outputs print for a snapshot's values.
std::string action_label_ja(const std::string& action_code);
std::string collapse_label(const Snapshot& s);  // 家屋倒壊等氾濫想定区域 / 土砂災害警戒区域
std::string depth_label(const Snapshot& s);     // "区域外" out of zone

}  // namespace sheetgen
