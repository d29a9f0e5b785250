#include "commands/household.hpp"

#include <time.h>

#include "commands/command_io.hpp"
#include "hazard/approximate.hpp"
#include "hazard/hazard_set.hpp"

namespace sheetgen::commands {

long long ThreadCpuClock::now() {
    timespec ts{};
    ::clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<long long>(ts.tv_sec) * 1000000000LL + ts.tv_nsec;
}

PipelineCpu& PipelineCpu::operator+=(const PipelineCpu& o) {
    parse_ns += o.parse_ns;
    overlay_ns += o.overlay_ns;
    assess_ns += o.assess_ns;
    return *this;
}

ProfileResult parse_household(const std::string& path, PipelineCpu* cpu) {
    ThreadCpuClock clock;
    ProfileResult parsed = load_profile_file(path);
    if (cpu) cpu->parse_ns += clock.elapsed_ns();
    return parsed;
}

Assessment assess_household(const Profile& profile, const HazardSet& hazards, const RiskOptions& risk_in,
                            PipelineCpu* cpu) {
    // The hazard config may set how uncertain an address-derived location is.
    RiskOptions risk = risk_in;
    const RiskRadii radii = hazards.uncertainty_radii(risk.approx_radius_town_m, risk.approx_radius_block_m);
    risk.approx_radius_town_m = radii.town_m;
    risk.approx_radius_block_m = radii.block_m;
    ThreadCpuClock overlay;
    // A location from the address is approximate: the worst hazard within its radius counts.
    const auto radius = location_uncertainty_m(profile, risk);
    Exposure exposure = radius ? expose_worst_within(hazards, profile.household.location, *radius)
                               : hazards.expose(profile.household.location);
    if (cpu) cpu->overlay_ns += overlay.elapsed_ns();
    ThreadCpuClock assess_clock;
    Verdict verdict = assess(profile, exposure, hazards.shelters(), risk);
    if (cpu) cpu->assess_ns += assess_clock.elapsed_ns();
    return Assessment{std::move(exposure), std::move(verdict)};
}

EvaluatedHousehold evaluate_household(const std::string& path, const HazardSet& hazards, const RiskOptions& risk,
                             PipelineCpu* cpu) {
    EvaluatedHousehold h;
    h.parsed = parse_household(path, cpu);
    if (h.parsed.ok() && h.parsed.profile) h.assessed = assess_household(*h.parsed.profile, hazards, risk, cpu);
    return h;
}

bool Admission::admit(const std::vector<Diagnostic>& diagnostics, bool ok, const std::string& id,
                      const SourceLocation& id_at) {
    for (const auto& d : diagnostics) err_ << format_diagnostic(d) << "\n";
    if (!ok) {
        ++skipped_;
        return false;
    }
    if (auto dup = seen_.add(id, id_at)) {
        err_ << format_diagnostic(*dup) << " (household skipped)\n";
        ++skipped_;
        return false;
    }
    return true;
}

void Admission::skip_later(const Diagnostic& why, const std::string& id) {
    err_ << format_diagnostic(why) << " (household " << id << " skipped)\n";
    ++skipped_;
}

void warn_if_threads_refused(std::ostream& err, const std::string& command, unsigned started, unsigned wanted) {
    if (started >= wanted) return;
    err << "sheetgen " << command << ": warning: the system allowed " << started << " of " << wanted
        << " worker threads (ulimit -u / -v?); " << (started ? "ran with fewer" : "ran on the main thread alone")
        << "\n";
}

}  // namespace sheetgen::commands
