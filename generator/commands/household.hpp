#pragma once
// The household pipeline every command runs, once: read and check the
// profile, overlay its home on the hazard layers, decide the verdict. flag,
// render and diff differ only in what they make of the result.
#include <cstddef>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "hazard/exposure.hpp"
#include "profile/parse.hpp"
#include "risk/verdict.hpp"

namespace sheetgen {
class HazardSet;
}

namespace sheetgen::commands {

// CPU time per phase, summed by the caller over households (--timings).
struct PipelineCpu {
    long long parse_ns = 0, overlay_ns = 0, assess_ns = 0;
    PipelineCpu& operator+=(const PipelineCpu& o);
};

// One household against one hazard set.
struct Assessment {
    Exposure exposure;
    Verdict verdict;
};

struct EvaluatedHousehold {
    ProfileResult parsed;               // profile (when valid) and its diagnostics
    std::optional<Assessment> assessed;  // set when the profile is valid
    bool ok() const { return assessed.has_value(); }
    const Profile& profile() const { return *parsed.profile; }
    const Verdict& verdict() const { return assessed->verdict; }
};

// Parse → expose → assess. A profile with errors comes back unassessed,
// with its located diagnostics; nothing here throws for bad household data.
ProfileResult parse_household(const std::string& path, PipelineCpu* cpu = nullptr);
Assessment assess_household(const Profile& profile, const HazardSet& hazards, const RiskOptions& risk,
                            PipelineCpu* cpu = nullptr);
EvaluatedHousehold evaluate_household(const std::string& path, const HazardSet& hazards, const RiskOptions& risk,
                             PipelineCpu* cpu = nullptr);

// The in-order half of every command: prints a household's diagnostics and
// lets each id through once (the first household with an id wins, since ids
// name output files). Counts what it turned away.
class Admission {
public:
    explicit Admission(std::ostream& err) : err_(err) {}
    // Prints `diagnostics`; false (and counted) when the household is invalid
    // or its id was seen before.
    bool admit(const std::vector<Diagnostic>& diagnostics, bool ok, const std::string& id,
               const SourceLocation& id_at);
    // A household admitted, then refused by a later step (its data stopped the layout).
    void skip_later(const Diagnostic& why, const std::string& id);
    void skip(size_t count) { skipped_ += count; }  // turned away before the pipeline (a path not found)
    size_t skipped() const { return skipped_; }

private:
    std::ostream& err_;
    IdRegistry seen_;
    size_t skipped_ = 0;
};

// One warning when the system refused some worker threads (ulimit -u / -v):
// the run went on with fewer, which only makes it slower.
void warn_if_threads_refused(std::ostream& err, const std::string& command, unsigned started, unsigned wanted);

}  // namespace sheetgen::commands
