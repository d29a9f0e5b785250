#pragma once
// Fields of the help card and the fridge sheet (card.*): the one sentence of
// what to do first, devices with their manual fallback, the doctors, two
// family contacts. Built from the profile only.
#include "profile/profile.hpp"
#include "render/fields.hpp"

namespace sheetgen::render {

void add_card_fields(Record& scalars, const Profile& profile);

// 「人工呼吸器を使用しています。電源と吸引が必要です。」 from the devices and care
// needs; "" when the person has neither.
std::string first_action_sentence(const Profile& profile);

}  // namespace sheetgen::render
