#pragma once
// Internal to profile/: the profile schema (sheetgen/profile-v1) read from a
// YAML tree with the common SchemaChecker. Each section has its table of keys
// at the top of its reader: a new optional key is one more table entry and
// one more line that reads it.
#include "common/schema.hpp"
#include "profile/profile.hpp"

namespace sheetgen::profile_detail {

// The whole document (root is a mapping). Every problem goes to the checker.
void read_profile(SchemaChecker& c, const YNode& root, Profile& p, SourceLocation& id_at);

// Lists and optional sections (read_lists.cpp).
void read_devices(SchemaChecker& c, const SchemaChecker::Map& top, Profile& p);
void read_power_backup(SchemaChecker& c, const SchemaChecker::Map& top, Profile& p);
void read_contacts(SchemaChecker& c, const SchemaChecker::Map& top, Profile& p);
void read_evacuation(SchemaChecker& c, const SchemaChecker::Map& top, Profile& p);
void read_supplies(SchemaChecker& c, const SchemaChecker::Map& top, Profile& p);

}  // namespace sheetgen::profile_detail
