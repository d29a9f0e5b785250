#pragma once
// Reading a shelter's name for what it says about the site.
#include <string>

namespace sheetgen {

// true for upper-floor / rooftop sites: "２階", "3階から最上階", "屋上",
// "最上階", "上層階" (full- or half-width digits, also 二階〜). "１階" and
// "地下2階" are not vertical.
bool shelter_name_is_vertical(const std::string& name);

}  // namespace sheetgen
