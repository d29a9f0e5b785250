// The project's size rule, checked on every build: no function (or lambda)
// in generator/ is longer than 120 lines. A long function mixes concerns;
// the rule keeps each step small enough to read and test on its own.
#include <catch2/catch.hpp>

#include <cctype>
#include <filesystem>
#include <regex>
#include <sstream>
#include <vector>

#include "test_support.hpp"

namespace fs = std::filesystem;

namespace {

constexpr int kMaxFunctionLines = 120;

// What spans lines: a block comment, or a raw string (the page's JavaScript)
// until its `)delimiter"`.
struct LexState {
    bool in_comment = false;
    std::string raw_end;  // non-empty inside a raw string literal
};

// The line with comments, string and character literals blanked out, so
// their braces do not count.
std::string code_only(const std::string& line, LexState& st) {
    std::string out;
    bool& in_comment = st.in_comment;
    for (size_t i = 0; i < line.size(); ++i) {
        if (!st.raw_end.empty()) {
            const size_t end = line.find(st.raw_end, i);
            if (end == std::string::npos) return out;
            i = end + st.raw_end.size() - 1;
            st.raw_end.clear();
            continue;
        }
        if (line.compare(i, 2, "R\"") == 0 && (i == 0 || !std::isalnum(static_cast<unsigned char>(line[i - 1])))) {
            const size_t open = line.find('(', i);
            st.raw_end = ")" + line.substr(i + 2, open - i - 2) + "\"";
            i = open;
            out += "_";
            continue;
        }
        if (in_comment) {
            if (line.compare(i, 2, "*/") == 0) in_comment = false, ++i;
            continue;
        }
        if (line.compare(i, 2, "/*") == 0) {
            in_comment = true;
            ++i;
            continue;
        }
        if (line.compare(i, 2, "//") == 0) break;
        if (line[i] == '"' || line[i] == '\'') {
            const char quote = line[i];
            for (++i; i < line.size() && line[i] != quote; ++i)
                if (line[i] == '\\') ++i;
            out += "_";
            continue;
        }
        out += line[i];
    }
    return out;
}

// A '{' opens a function body when what precedes it on the line ends like a
// signature or a lambda head, and the line is not a control statement.
bool opens_function(const std::string& before) {
    static const std::regex head(R"(\)\s*(const\s*)?(override\s*)?(noexcept\s*)?(->\s*[\w:<>,\s]+)?\s*$)");
    static const std::regex control(R"(^\s*(\}\s*)?(if|for|while|switch|catch|else\s+if|do)\b)");
    return std::regex_search(before, head) && !std::regex_search(before, control);
}

struct LongFunction {
    std::string where;
    int lines;
};

void scan(const fs::path& file, std::vector<LongFunction>& found) {
    std::istringstream in(sheetgen::test::read_file(file.string()));
    struct Open {
        int line;
        bool function;
    };
    std::vector<Open> stack;
    std::string line;
    LexState lex;
    for (int n = 1; std::getline(in, line); ++n) {
        const std::string code = code_only(line, lex);
        for (size_t i = 0; i < code.size(); ++i) {
            if (code[i] == '{') {
                stack.push_back({n, opens_function(code.substr(0, i))});
            } else if (code[i] == '}' && !stack.empty()) {
                const Open open = stack.back();
                stack.pop_back();
                if (open.function && n - open.line + 1 > kMaxFunctionLines)
                    found.push_back({file.string() + ":" + std::to_string(open.line), n - open.line + 1});
            }
        }
    }
}

std::vector<LongFunction> long_functions(const std::string& dir) {
    std::vector<LongFunction> found;
    for (const auto& e : fs::recursive_directory_iterator(dir)) {
        const auto ext = e.path().extension();
        if (e.is_regular_file() && (ext == ".cpp" || ext == ".hpp")) scan(e.path(), found);
    }
    return found;
}

}  // namespace

TEST_CASE("No function in generator/ is longer than 120 lines", "[code]") {
    for (const auto& f : long_functions(sheetgen::test::source_path("generator"))) {
        INFO(f.where << " is " << f.lines << " lines");
        CHECK(f.lines <= kMaxFunctionLines);
    }
}

TEST_CASE("The function-length scan sees a long function, and not a long if block or string", "[code]") {
    sheetgen::test::TempDir dir;
    std::string body;
    for (int i = 0; i < 130; ++i) body += "    x += 1;  // {\n";
    sheetgen::test::write_file(dir.file("long.cpp"), "int f(int x) {\n" + body + "    return x;\n}\n");
    sheetgen::test::write_file(dir.file("ok.cpp"), "int g(int x) {\n    if (x) {\n" + body +
                                                       "    }\n    const char* s = \"}\";\n    return x;\n}\n"
                                                       "int h() { return 0; }\n"
                                                       "const char* js = R\"JS(\nfunction k() {\n" + body + "}\n)JS\";\n");
    std::vector<LongFunction> found;
    scan(dir.file("long.cpp"), found);
    REQUIRE(found.size() == 1);
    CHECK(found[0].lines == 133);
    found.clear();
    scan(dir.file("ok.cpp"), found);
    REQUIRE(found.size() == 1);  // g itself is long: the if block inside is not reported separately
    CHECK(found[0].where == dir.file("ok.cpp") + ":1");
}
