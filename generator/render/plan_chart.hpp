#pragma once
// The blackout runtime chart of the ventilator plan (docs/ventilator-plan.md):
// a model computed from risk/power.hpp's PowerTimeline (one bar per power
// source, target lines, the household runtime), then drawn as vectors. The
// model is plain data so tests can check the geometry in hours, not pixels.
#include <optional>
#include <string>
#include <vector>

#include "profile/profile.hpp"
#include "layout/draw_ops.hpp"
#include "layout/font.hpp"
#include "layout/layout.hpp"
#include "render/layout_use.hpp"
#include "risk/power.hpp"
#include "risk/verdict.hpp"

namespace sheetgen::render {

struct ChartBar {
    std::string label;         // 「人工呼吸器 内部バッテリー」「ポータブル電源 500Wh」
    PowerStep step = PowerStep::InternalBattery;
    std::optional<double> start_h;  // nullopt: the source is never reached (drawn as 「未使用」)
    std::optional<double> end_h;
    std::optional<size_t> device_index;  // into Profile::devices, for device batteries
    std::optional<size_t> backup_index;  // into Profile::power_backup, for shared sources
};

struct ChartTarget {
    std::string code;   // carry_72h, home_168h, isolation (as in Shortfall::code)
    std::string label;  // short label drawn at the line
    double hours = 0;
};

struct RuntimeChart {
    std::vector<ChartBar> bars;        // device batteries in device order, then shared sources in order of use
    std::vector<ChartTarget> targets;  // 72 h, 168 h, and the flood isolation when the duration is known
    std::vector<Shortfall> shortfalls; // same targets, from risk::shortfalls()
    double runtime_h = 0;              // household runtime (first critical device to stop)
    std::string limiting_device;       // its name
    double axis_max_h = 168;           // x axis spans 0 .. axis_max_h
    double tick_step_h = 24;
    bool empty() const { return bars.empty(); }
};

// From model_power(profile) and the verdict's exposure (isolation target).
RuntimeChart build_runtime_chart(const Profile& profile, const Verdict& verdict, const PowerModelOptions& options = {});
RuntimeChart build_runtime_chart(const Profile& profile, const PowerTimeline& timeline,
                                 std::optional<DurationRange> isolation, const PowerModelOptions& options = {});

// Height in points the chart needs at body text size `size`.
double runtime_chart_height(const RuntimeChart& chart, double size);
// Draws the chart into `box` (full width, runtime_chart_height tall).
void draw_runtime_chart(PageOps& page, const Rect& box, const RuntimeChart& chart, const FontFace& font, double size);

// Colour of a power step's bars (shared with the legend of the steps table).
Color step_color(PowerStep step);
// 「STEP0」..「STEP4」
std::string step_name(PowerStep step);

}  // namespace sheetgen::render
