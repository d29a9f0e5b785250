#pragma once
// Field paths and row lists of the ventilator evacuation plan (ventilator.*,
// plan.* and the rows power_sources, power_steps, alert_actions, supplies,
// shortfalls), added to the common field model so templates can print them
// and the template checker knows them. See docs/ventilator-plan.md.
#include "common/date.hpp"
#include "profile/profile.hpp"
#include "render/fields.hpp"
#include "risk/verdict.hpp"

namespace sheetgen::render {

// Adds every plan scalar and row list (always the same keys, whatever the profile).
void add_plan_fields(FieldModel& model, const Profile& profile, const Verdict& verdict, const Date& document_date);
// Adds the plan's row lists and their columns to the schema (scalars come
// from build_field_model on an empty profile).
void add_plan_schema(FieldSchema& schema);

}  // namespace sheetgen::render
