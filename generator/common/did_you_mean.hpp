#pragma once
// The one "did you mean" of every input reader (profiles, hazard configs,
// templates): a suggestion for a mistyped key, enum value or field path.
#include <string>
#include <vector>

namespace sheetgen {

// Edit distance counting a swap of two neighbours as one edit (nmae -> name).
size_t edit_distance(const std::string& a, const std::string& b);

// The closest candidate (ASCII case ignored) when it is close enough to be a
// typo, else "". Close enough: at most max(1, n / 3) edits, where n is the
// shorter of the two lengths, or at most 2 edits for a word of 5 or more
// letters. Ties go to the first candidate. An empty word gets no suggestion.
std::string did_you_mean(const std::string& word, const std::vector<std::string>& candidates);

// ASCII letters lower-cased (other bytes kept): names compare case-insensitively.
std::string lower_ascii(std::string s);

// "a, b, c": the allowed names listed after a message.
std::string join_names(const std::vector<std::string>& names);

}  // namespace sheetgen
