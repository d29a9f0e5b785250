#pragma once
// Reading a shelter's name for what it says about the site.
#include <string>
#include <vector>

#include "hazard/exposure.hpp"

namespace sheetgen {

// true for upper-floor / rooftop sites: "２階", "3階から最上階", "屋上",
// "最上階", "上層階" (full- or half-width digits, also 二階〜). "１階" and
// "地下2階" are not vertical.
bool shelter_name_is_vertical(const std::string& name);

// A name as it is compared: runs of ASCII / ideographic white space folded to
// one space, none at the ends (staff type 「 北諏訪小学校校庭」 or a U+3000 gap).
std::string shelter_lookup_key(const std::string& name);

// The one shelter look-up of the tool: by exact id (trimmed), then by name
// compared through shelter_lookup_key; nullptr when not found. The first
// match in layer order wins.
const Shelter* find_shelter(const std::vector<Shelter>& shelters, const std::string& id_or_name);

}  // namespace sheetgen
