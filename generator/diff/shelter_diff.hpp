#pragma once
// What a new shelter layer changed: sites added or removed, and sites
// gaining or losing a hazard designation (or now standing in a flood zone).
// Sites match by id (共通ID) when both have one, else by the same name
// within kSameSiteMetres.
#include <string>
#include <vector>

#include "hazard/exposure.hpp"

namespace sheetgen {

inline constexpr double kSameSiteMetres = 100.0;

struct ShelterChange {
    std::string code;  // shelter_added, shelter_removed, designation_gained, designation_lost,
                       // site_now_in_zone, site_left_zone
    const Shelter* before = nullptr;
    const Shelter* after = nullptr;
    std::string detail_ja, detail_en;  // which designations ("洪水", "flood" ...)
};

// Designations of a site as a text list: "洪水・土砂災害" / "flood, landslide".
std::string designations_ja(const Shelter& s);
std::string designations_en(const Shelter& s);

// Changes in a fixed order: removed and lost first (plans may name them),
// then site_now_in_zone, gained, added, site_left_zone; by id/name within a code.
std::vector<ShelterChange> diff_shelters(const std::vector<Shelter>& before, const std::vector<Shelter>& after);

std::string shelter_changes_csv_header();
std::string shelter_changes_csv_row(const ShelterChange& c);

}  // namespace sheetgen
