#include "common/yaml_tree.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <sstream>

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

namespace sheetgen {

ColumnMap::ColumnMap(std::string_view text) : text_(text) {
    line_starts_.push_back(0);
    for (size_t i = 0; i < text.size(); ++i)
        if (text[i] == '\n') line_starts_.push_back(i + 1);
}

int ColumnMap::char_column(int line0, int byte_col0) const {
    if (line0 < 0 || static_cast<size_t>(line0) >= line_starts_.size() || byte_col0 < 0) return byte_col0 + 1;
    size_t start = line_starts_[line0];
    size_t end = std::min(text_.size(), start + static_cast<size_t>(byte_col0));
    int chars = 0;
    for (size_t i = start; i < end; ++i)
        if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++chars;  // count lead bytes only
    return chars + 1;
}

namespace {

constexpr size_t kMaxProblems = 50;

// Thrown from the handler to stop yaml-cpp before it recurses further.
struct StopParsing {};

class TreeBuilder : public YAML::EventHandler {
public:
    TreeBuilder(const ColumnMap& cols, const std::string& file, const YamlReadOptions& options,
                std::vector<Diagnostic>& problems)
        : cols_(cols), file_(file), what_(options.what), max_depth_(options.max_depth), problems_(problems) {}

    std::optional<YNode> take_root() { return std::move(root_); }

    void OnDocumentStart(const YAML::Mark&) override {}
    void OnDocumentEnd() override {}

    void OnNull(const YAML::Mark& m, YAML::anchor_t) override { add(make(YNode::Kind::Null, m)); }

    void OnAlias(const YAML::Mark& m, YAML::anchor_t) override {
        problem(m, "aliases (*name) are not allowed in a " + what_ + ": write the value out in full");
        add(make(YNode::Kind::Null, m));
    }

    void OnAnchor(const YAML::Mark& m, const std::string&) override {
        problem(m, "anchors (&name) are not allowed in a " + what_ + ": write each value out in full");
    }

    void OnScalar(const YAML::Mark& m, const std::string& tag, YAML::anchor_t, const std::string& value) override {
        YNode n = make(YNode::Kind::Scalar, m);
        n.value = value;
        // yaml-cpp: "?" = plain scalar, "!" = quoted or block scalar.
        n.quoted = tag == "!" || tag == "tag:yaml.org,2002:str";
        if (tag != "?" && tag != "!" && tag != "tag:yaml.org,2002:str") tag_problem(m, tag);
        add(std::move(n));
    }

    void OnSequenceStart(const YAML::Mark& m, const std::string& tag, YAML::anchor_t,
                         YAML::EmitterStyle::value) override {
        check_tag(m, tag);
        push(make(YNode::Kind::Sequence, m));
    }
    void OnSequenceEnd() override { pop(); }

    void OnMapStart(const YAML::Mark& m, const std::string& tag, YAML::anchor_t, YAML::EmitterStyle::value) override {
        check_tag(m, tag);
        push(make(YNode::Kind::Map, m));
    }
    void OnMapEnd() override {
        check_duplicate_keys(stack_.back());
        pop();
    }

private:
    YNode make(YNode::Kind k, const YAML::Mark& m) const {
        YNode n;
        n.kind = k;
        n.line = m.line + 1;
        n.column = cols_.char_column(m.line, m.column);
        return n;
    }

    void check_tag(const YAML::Mark& m, const std::string& tag) {
        if (tag != "?" && tag != "!" && !tag.empty()) tag_problem(m, tag);
    }

    void tag_problem(const YAML::Mark& m, const std::string& tag) {
        problem(m, "YAML tags (" + shown_tag(tag) + ") are not used in " + what_ + "s: remove the tag");
    }

    void push(YNode n) {
        if (static_cast<int>(stack_.size()) >= max_depth_) {
            Diagnostic d{{file_, n.line, n.column},
                         "nesting too deep (more than " + std::to_string(max_depth_) +
                             " levels): a " + what_ + " needs only a few levels"};
            problems_.push_back(std::move(d));
            throw StopParsing{};
        }
        stack_.push_back(std::move(n));
    }

    void pop() {
        YNode n = std::move(stack_.back());
        stack_.pop_back();
        add(std::move(n));
    }

    void add(YNode n) {
        if (stack_.empty()) {
            root_ = std::move(n);
        } else {
            stack_.back().items.push_back(std::move(n));
        }
    }

    // Keys can be values typed on their own line (names, diagnoses): repeat a
    // key only when it is a short single ASCII token.
    static std::string shown_key(const std::string& k) {
        const bool token = !k.empty() && k.size() <= 32 && std::all_of(k.begin(), k.end(), [](char c) {
            return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.' || c == '+' || c == '-';
        });
        return token ? "'" + k + "'" : "(not repeated here: it may be personal data)";
    }

    static std::string shown_tag(const std::string& t) {
        const bool token = t.size() <= 32 && std::all_of(t.begin(), t.end(), [](char c) {
            return std::isalnum(static_cast<unsigned char>(c)) || c == '!' || c == '_' || c == '.' || c == '-' ||
                   c == ':' || c == '/' || c == ',';
        });
        return token ? t : "a tag not repeated here";
    }

    void check_duplicate_keys(const YNode& map) {
        std::map<std::string, const YNode*> first;
        for (size_t i = 0; i < map.map_size(); ++i) {
            const YNode& k = map.key(i);
            if (k.kind != YNode::Kind::Scalar) continue;  // reported by the validator
            auto [it, inserted] = first.emplace(k.value, &k);
            if (!inserted) {
                Diagnostic d{{file_, k.line, k.column},
                             "duplicate key " + shown_key(k.value) + " (first at line " + std::to_string(it->second->line) +
                                 ", column " + std::to_string(it->second->column) +
                                 "): YAML would silently keep only the last one; remove one of them"};
                add_problem(std::move(d));
            }
        }
    }

    void problem(const YAML::Mark& m, const std::string& message) {
        add_problem(Diagnostic{{file_, m.line + 1, cols_.char_column(m.line, m.column)}, message});
    }

    void add_problem(Diagnostic d) {
        if (problems_.size() < kMaxProblems) problems_.push_back(std::move(d));
    }

    const ColumnMap& cols_;
    const std::string& file_;
    const std::string& what_;
    int max_depth_;
    std::vector<Diagnostic>& problems_;
    std::vector<YNode> stack_;
    std::optional<YNode> root_;
};

// Drops yaml-cpp's "yaml-cpp: error at line N, column M: " prefix; we print our own.
std::string parser_message(const YAML::Exception& e) {
    if (e.msg == YAML::ErrorMsg::BAD_FILE || dynamic_cast<const YAML::DeepRecursion*>(&e))
        return "nesting too deep: the YAML parser gave up";
    return "YAML syntax error: " + e.msg;
}

// Documents after the first: just count them (no tree needed).
class NullHandler : public YAML::EventHandler {
public:
    void OnDocumentStart(const YAML::Mark&) override {}
    void OnDocumentEnd() override {}
    void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
    void OnAlias(const YAML::Mark&, YAML::anchor_t) override {}
    void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t, const std::string&) override {}
    void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {
        if (++depth_ > 64) throw StopParsing{};
    }
    void OnSequenceEnd() override { --depth_; }
    void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {
        if (++depth_ > 64) throw StopParsing{};
    }
    void OnMapEnd() override { --depth_; }

private:
    int depth_ = 0;
};

}  // namespace

YamlTree read_yaml_tree(std::string_view text, const std::string& file_name, const YamlReadOptions& options) {
    YamlTree out;
    ColumnMap cols(text);
    std::istringstream in{std::string(text)};
    try {
        YAML::Parser parser(in);
        TreeBuilder builder(cols, file_name, options, out.problems);
        bool have_doc = false;
        try {
            have_doc = parser.HandleNextDocument(builder);
        } catch (const StopParsing&) {
            return out;  // depth problem already recorded
        }
        if (!have_doc) return out;
        out.root = builder.take_root();
        // A second document would be silently ignored by a naive reader.
        NullHandler skip;
        bool more = false;
        try {
            more = parser.HandleNextDocument(skip);
        } catch (const StopParsing&) {
            more = true;
        }
        if (more)
            out.problems.push_back(
                Diagnostic{{file_name, 0, 0}, "more than one YAML document (---): " + options.one_document_hint});
    } catch (const YAML::Exception& e) {
        out.root.reset();
        int line = e.mark.is_null() ? 0 : e.mark.line + 1;
        int col = e.mark.is_null() ? 0 : cols.char_column(e.mark.line, e.mark.column);
        out.problems.push_back(Diagnostic{{file_name, line, col}, parser_message(e)});
    } catch (const std::exception& e) {
        out.root.reset();
        out.problems.push_back(Diagnostic{{file_name, 0, 0}, std::string("could not read the YAML: ") + e.what()});
    }
    return out;
}

}  // namespace sheetgen
