#pragma once
// Reason codes and their message catalogue. A reason is a stable code plus
// named parameters; its Japanese and English sentences come from one table
// (reasons.cpp), so a code means the same thing in every output and adding a
// language is adding a column. Every code is documented in docs/risk-rules.md.
#include <string>
#include <utility>
#include <vector>

#include "common/lang.hpp"

namespace sheetgen {

// A value as printed in each language ("人工呼吸器" / "ventilator").
struct Param {
    std::string ja;
    std::string en;
};
using Params = std::vector<std::pair<std::string, Param>>;

struct Reason {
    std::string code;  // stable machine code, e.g. "living_floor_floods"
    std::string ja;    // the catalogue's sentences with the parameters filled in
    std::string en;
    Params params;
};

// What a reason is about, for grouping on documents and in docs.
enum class ReasonGroup { Action, Hazard, Power, Destination, Upkeep, Note };

struct ReasonDef {
    const char* code;
    ReasonGroup group;
    const char* ja;  // template: {name} is replaced by the parameter `name`
    const char* en;
};

// Every code in the order reasons are listed (most important first).
const std::vector<ReasonDef>& reason_catalogue();

// A reason from the catalogue. Throws std::logic_error for a code that is not
// in it or a template parameter that is not given: a programming error.
Reason make_reason(const std::string& code, Params params = {});

// Sorting key: the code's position in the catalogue.
size_t reason_rank(const std::string& code);

const std::string& reason_text(const Reason& r, Lang lang);

// A value that reads the same in both languages (a shelter name, a number).
inline Param same(const std::string& v) { return {v, v}; }

}  // namespace sheetgen
