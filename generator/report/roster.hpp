#pragma once
// Rosters for supporters (避難支援等関係者: 民生委員, 自主防災組織, 消防団,
// neighbours). The law lets the office share the 名簿 in normal times only
// with the person's consent, and only what the supporter needs: so a roster
// row holds no diagnosis beyond the help itself, no medication, no notes.
#include <string>
#include <vector>

#include "profile/profile.hpp"
#include "risk/verdict.hpp"

namespace sheetgen {

enum class RosterGrouping { District, Supporter };

struct RosterGroup {
    std::string key;    // what groups compare by
    std::string label;  // printed: 永山, or 鈴木 花子（民生委員）
};

// The groups a household belongs to: its district (町丁目), or each
// supporter named in its profile; never empty (「地区未設定」/「支援者未登録」).
std::vector<RosterGroup> roster_groups(const Profile& profile, RosterGrouping grouping);

// The columns and one household's row: only the fields a supporter needs.
const std::vector<std::string>& roster_columns();
std::vector<std::string> roster_row(const Profile& profile, const Verdict& verdict);
// Relative widths of the columns on the PDF page.
const std::vector<double>& roster_column_weights();

// CSV in the at-risk list's conventions (BOM, CRLF, defused formulas).
std::string roster_csv(const std::vector<std::vector<std::string>>& rows);

// A file name for a group: the label with characters no file system takes
// (/ \ : * ? " < > |, control characters, a leading dot) replaced by '_'.
std::string roster_file_stem(const std::string& label);

}  // namespace sheetgen
