#include <catch2/catch.hpp>

#include <functional>
#include <sstream>

#include "cli/command.hpp"
#include "cli/exit_codes.hpp"
#include "common/error.hpp"

using namespace sheetgen::cli;

TEST_CASE("Args parses values, flags, aliases and rejects unknown options", "[cli][args]") {
    Args a({"--hazards", "h.yaml", "-o", "out.csv", "--jobs=3", "--quiet", "p1", "--", "--not-an-option"},
           {"--hazards", "--out", "--jobs"}, {"--quiet"}, {{"-o", "--out"}});
    CHECK(a.value("--hazards") == std::optional<std::string>("h.yaml"));
    CHECK(a.value("--out") == std::optional<std::string>("out.csv"));
    CHECK(a.integer("--jobs", 1, 8) == 3L);
    CHECK(a.flag("--quiet"));
    CHECK(a.positionals() == std::vector<std::string>{"p1", "--not-an-option"});
    CHECK_THROWS_AS(Args({"--bogus"}, {}, {}), UsageError);
    CHECK_THROWS_AS(Args({"--out"}, {"--out"}, {}), UsageError);
    Args bad({"--jobs", "0"}, {"--jobs"}, {});
    CHECK_THROWS_AS(bad.integer("--jobs", 1, 8), UsageError);
}

TEST_CASE("Every command's help and parser come from one table", "[cli][command]") {
    for (const auto& entry : command_table()) {
        auto command = entry.make();
        const CommandSpec& spec = command->spec();
        INFO(spec.name);
        CHECK(spec.name == entry.name);
        const std::string help = format_help(spec);
        CHECK(help.rfind("usage: sheetgen " + spec.name, 0) == 0);
        for (const auto& o : spec.options) {
            INFO(o.name);
            CHECK(help.find(o.name) != std::string::npos);
            CHECK_FALSE(o.help.empty());
            // Each declared option parses: a value option takes its value, a flag none.
            std::vector<std::string> argv{o.name};
            if (!o.value_name.empty()) argv.push_back("v");
            Args args = parse_arguments(spec, argv);
            CHECK((o.value_name.empty() ? args.flag(o.name) : args.value(o.name) == std::optional<std::string>("v")));
            if (!o.alias.empty()) CHECK_NOTHROW(parse_arguments(spec, {o.alias, o.value_name.empty() ? "--" : "v"}));
        }
        for (int code : spec.exit_codes) CHECK_FALSE(exit_code_meaning(code).empty());
        CHECK_THROWS_AS(parse_arguments(spec, {"--no-such-option"}), UsageError);
        CHECK(format_main_help().find(spec.summary) != std::string::npos);
    }
}

namespace {
// A command whose run() throws what it is told, to check the mapping.
class Thrower : public Command {
public:
    explicit Thrower(std::function<void()> f) : f_(std::move(f)) {}
    const CommandSpec& spec() const override {
        static const CommandSpec s{"thrower", "", "test", "test", {{"--x", "", "", "x"}}, "", {0}};
        return s;
    }
    void setup(const Args&) override {}
    int run(Streams) override {
        f_();
        return 0;
    }

private:
    std::function<void()> f_;
};

int exit_of(std::function<void()> f, std::string* err_text = nullptr) {
    Thrower t(std::move(f));
    std::ostringstream out, err;
    int code = run_command(t, {}, Streams{out, err, false});
    if (err_text) *err_text = err.str();
    return code;
}
}  // namespace

TEST_CASE("run_command maps each typed error to its own exit code", "[cli][command]") {
    std::string err;
    CHECK(exit_of([] { throw sheetgen::commands::UsageError("bad"); }, &err) == kExitUsage);
    CHECK_THAT(err, Catch::Contains("sheetgen thrower: bad") && Catch::Contains("--help"));
    CHECK(exit_of([] { throw sheetgen::InputError({"c.yaml", 3, 4}, "broken"); }, &err) == kExitFatalInput);
    CHECK_THAT(err, Catch::Contains("c.yaml:3:4"));
    CHECK(exit_of([] { throw sheetgen::OutputError("disk full"); }) == kExitOutput);
    CHECK(exit_of([] { throw sheetgen::RenderError("libharu 0x1025"); }) == kExitRender);
    CHECK(exit_of([] {}) == kExitOk);
    Thrower t([] {});
    std::ostringstream out, e2;
    CHECK(run_command(t, {"--help"}, Streams{out, e2, false}) == kExitOk);
    CHECK_THAT(out.str(), Catch::StartsWith("usage: sheetgen thrower"));
}
