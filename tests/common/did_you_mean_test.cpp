// did_you_mean: the one suggestion of every reader ("unknown field path
// 'person.nam' (did you mean 'person.name'?)", "unknown device kind 'sucton'
// (did you mean 'suction'?)", "unknown layer kind 'flood_dept' ..."). Close typos only.
#include <catch2/catch.hpp>

#include "common/did_you_mean.hpp"

using namespace sheetgen;

TEST_CASE("did_you_mean suggests the closest candidate for a typo", "[common][did_you_mean]") {
    const std::vector<std::string> kinds = {"fields", "table", "checklist", "text", "contacts"};
    CHECK(did_you_mean("feilds", kinds) == "fields");  // a swap of neighbours is one edit
    CHECK(did_you_mean("tabel", kinds) == "table");
    CHECK(did_you_mean("checklst", kinds) == "checklist");  // deletion
    CHECK(did_you_mean("person.nam", {"person.name", "person.kana", "household.address"}) == "person.name");
    CHECK(did_you_mean("text", kinds) == "text");  // exact match wins
    CHECK(did_you_mean("Suction", {"ventilator", "suction"}) == "suction");  // ASCII case ignored
    CHECK(did_you_mean("nmae", {"name", "kana"}) == "name");
}

TEST_CASE("did_you_mean says nothing when no candidate is close", "[common][did_you_mean]") {
    const std::vector<std::string> kinds = {"fields", "table", "checklist"};
    CHECK(did_you_mean("map", kinds).empty());
    CHECK(did_you_mean("zzzzzzzzzz", kinds).empty());
    CHECK(did_you_mean("fields", {}).empty());
    CHECK(did_you_mean("", {"table"}).empty());
    CHECK(did_you_mean("", {"a"}).empty());  // an empty word is no typo of anything
    // Two edits on a two-letter word is a different word: o2 (oxygen) is not iv.
    CHECK(did_you_mean("o2", {"ventilator", "iv", "oxygen"}).empty());
}

TEST_CASE("did_you_mean allows more edits for longer words and keeps the first of equals",
          "[common][did_you_mean]") {
    // Allowed: max(1, shorter length / 3) edits, or 2 from 5 letters; 13 letters -> 4, 11 letters -> 3.
    CHECK(did_you_mean("household.adress", {"household.address"}) == "household.address");
    CHECK(did_you_mean("houshold.adrs", {"household.address"}) == "household.address");  // 4 edits
    CHECK(did_you_mean("hsehld.adrs", {"household.address"}).empty());                   // 6 edits
    CHECK(did_you_mean("flood_dept", {"flood_depth", "flood_duration"}) == "flood_depth");
    // Ties: the first candidate at the smallest distance.
    CHECK(did_you_mean("cat", {"bat", "cut"}) == "bat");
    CHECK(did_you_mean("cat", {"cut", "bat"}) == "cut");
}

TEST_CASE("edit_distance counts a swap of neighbours as one edit", "[common][did_you_mean]") {
    CHECK(edit_distance("nmae", "name") == 1);
    CHECK(edit_distance("", "abc") == 3);
    CHECK(edit_distance("kitten", "sitting") == 3);
}
