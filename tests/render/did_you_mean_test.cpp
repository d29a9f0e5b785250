// did_you_mean: the suggestion in template errors ("unknown field path
// 'person.nam' (did you mean 'person.name'?)"). Close typos only.
#include <catch2/catch.hpp>

#include "render/fields.hpp"

using namespace sheetgen::render;

TEST_CASE("did_you_mean suggests the closest candidate for a typo", "[render][did_you_mean]") {
    const std::vector<std::string> kinds = {"fields", "table", "checklist", "text", "contacts"};
    CHECK(did_you_mean("feilds", kinds) == "fields");   // transposition (2 edits)
    CHECK(did_you_mean("tabel", kinds) == "table");
    CHECK(did_you_mean("checklst", kinds) == "checklist");  // deletion
    CHECK(did_you_mean("person.nam", {"person.name", "person.kana", "household.address"}) == "person.name");
    CHECK(did_you_mean("text", kinds) == "text");  // exact match wins
}

TEST_CASE("did_you_mean says nothing when no candidate is close", "[render][did_you_mean]") {
    const std::vector<std::string> kinds = {"fields", "table", "checklist"};
    CHECK(did_you_mean("map", kinds).empty());
    CHECK(did_you_mean("zzzzzzzzzz", kinds).empty());
    CHECK(did_you_mean("fields", {}).empty());
    CHECK(did_you_mean("", {"table"}).empty());  // 5 edits away, allowed 2 for a short word
}

TEST_CASE("did_you_mean allows more edits for longer words and keeps the first of equals",
          "[render][did_you_mean]") {
    // Allowed distance: max(2, length / 3) edits; 13 letters -> 4, 11 letters -> 3.
    CHECK(did_you_mean("household.adress", {"household.address"}) == "household.address");
    CHECK(did_you_mean("houshold.adrs", {"household.address"}) == "household.address");  // 4 edits
    CHECK(did_you_mean("hsehld.adrs", {"household.address"}).empty());                   // 6 edits
    // Ties: the first candidate at the smallest distance.
    CHECK(did_you_mean("cat", {"bat", "cut"}) == "bat");
    CHECK(did_you_mean("cat", {"cut", "bat"}) == "cut");
}
