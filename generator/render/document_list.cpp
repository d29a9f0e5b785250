#include "render/document_list.hpp"

#include <algorithm>
#include <set>

#include "common/read_file.hpp"
#include "common/schema.hpp"
#include "render/template.hpp"

namespace sheetgen::render {

namespace {

const std::vector<std::string> kTopKeys = {"schema", "documents"};
const std::vector<std::string> kEntryKeys = {"name", "template", "for", "file", "page_size"};
const std::pair<const char*, DocumentFor> kAudiences[] = {{"everyone", DocumentFor::Everyone},
                                                          {"ventilator_users", DocumentFor::VentilatorUsers},
                                                          {"power_dependent", DocumentFor::PowerDependent},
                                                          {"english_readers", DocumentFor::EnglishReaders}};

std::vector<std::string> audience_names() {
    std::vector<std::string> out;
    for (const auto& [name, a] : kAudiences) out.push_back(name);
    return out;
}

DocumentFor audience_of(const std::string& s) {
    for (const auto& [name, a] : kAudiences)
        if (s == name) return a;
    return DocumentFor::Everyone;
}

// A name is typed on the command line: lower-case letters, digits, '-', '_'.
bool good_name(const std::string& s) {
    if (s.empty() || s.size() > 40) return false;
    return std::all_of(s.begin(), s.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    });
}

// "{id}" once, ".pdf" at the end, and otherwise only characters an id may
// hold, so a pattern can never make a path outside the output folder.
std::string pattern_problem(const std::string& p) {
    const std::string id = "{id}";
    const size_t at = p.find(id);
    if (at == std::string::npos || p.find(id, at + 1) != std::string::npos)
        return "must contain {id} exactly once";
    if (p.size() < 4 || p.compare(p.size() - 4, 4, ".pdf") != 0) return "must end in .pdf";
    const std::string rest = p.substr(0, at) + p.substr(at + id.size(), p.size() - at - id.size() - 4);
    for (char c : rest)
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_'))
            return "may hold only letters, digits, '-' and '_' besides {id} and .pdf";
    return "";
}

std::string folder_of(const std::string& file) {
    const size_t slash = file.rfind('/');
    return slash == std::string::npos ? "" : file.substr(0, slash + 1);
}

class ListReader {
public:
    explicit ListReader(SchemaChecker& c) : c_(c) {}

    DocumentList read(const YNode& root) {
        DocumentList out;
        out.file = c_.file();
        SchemaChecker::Map m = c_.map(&root, "the document list", kTopKeys);
        if (!m) return out;
        const YNode* s = c_.require(m, "schema", root);
        if (s && s->kind == YNode::Kind::Scalar && c_.text(s, "schema") != kDocumentListSchemaV1)
            c_.error(*s, std::string("unsupported schema (expected ") + kDocumentListSchemaV1 + ")");
        const YNode* docs = c_.require(m, "documents", root);
        if (docs && (docs->kind != YNode::Kind::Sequence || docs->items.empty())) {
            c_.error(*docs, "'documents' must be a non-empty list");
            return out;
        }
        c_.each_map(docs, "documents", kEntryKeys, true,
                    [&](const YNode& item, const std::string&, const SchemaChecker::Map& e) { entry(item, e, out); });
        return out;
    }

private:
    void entry(const YNode& item, const SchemaChecker::Map& e, DocumentList& out) {
        DocumentType d;
        d.at = c_.at(item);
        const YNode* name = c_.require(e, "name", item);
        const YNode* tpl = c_.require(e, "template", item);
        const YNode* file = c_.require(e, "file", item);
        if (name) {
            d.name = c_.text(name, "name");
            if (!good_name(d.name))
                c_.error(*name, "a document name may hold only a-z, 0-9, '-' and '_' (it is typed in --documents)");
            else if (!names_.insert(d.name).second)
                c_.error(*name, "document name '" + d.name + "' is listed twice");
        }
        if (tpl) {
            std::string t = c_.text(tpl, "template");
            d.template_path = !t.empty() && t[0] == '/' ? t : folder_of(c_.file()) + t;
        }
        if (file) {
            d.file_pattern = c_.text(file, "file");
            std::string why = pattern_problem(d.file_pattern);
            if (!why.empty())
                c_.error(*file, "file pattern '" + d.file_pattern + "' " + why);
            else if (!patterns_.insert(d.file_pattern).second)
                c_.error(*file, "file pattern '" + d.file_pattern + "' is used by another document");
        }
        if (auto a = c_.one_of(e.get("for"), "'for' (which households)", audience_names())) d.audience = audience_of(*a);
        if (auto p = c_.one_of(e.get("page_size"), "page size", page_size_names())) d.page_size = *p;
        out.documents.push_back(std::move(d));
    }

    SchemaChecker& c_;
    std::set<std::string> names_, patterns_;
};

}  // namespace

const char* to_string(DocumentFor audience) {
    for (const auto& [name, a] : kAudiences)
        if (a == audience) return name;
    return "everyone";
}

const DocumentType* DocumentList::find(const std::string& name) const {
    for (const auto& d : documents)
        if (d.name == name) return &d;
    return nullptr;
}

std::vector<std::string> DocumentList::names() const {
    std::vector<std::string> out;
    for (const auto& d : documents) out.push_back(d.name);
    return out;
}

DocumentList parse_document_list(const std::string& yaml_text, const std::string& file) {
    YamlReadOptions options;
    options.what = "document list";
    options.one_document_hint = "a document list is one document";
    DocumentList list;
    read_or_throw(yaml_text, file, options, [&](SchemaChecker& c, const YNode& root) { list = ListReader(c).read(root); });
    return list;
}

DocumentList load_document_list(const std::string& path) {
    return parse_document_list(read_file_limited(path, 1024 * 1024, "document list"), path);
}

std::string document_file_name(const std::string& pattern, const std::string& id) {
    std::string out = pattern;
    const size_t at = out.find("{id}");
    if (at != std::string::npos) out.replace(at, 4, id);
    return out;
}

}  // namespace sheetgen::render
