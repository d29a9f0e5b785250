#pragma once
// The document list (templates/documents.yaml, schema sheetgen/documents-v1):
// every document type sheetgen can render, one entry each: a name for
// `render --documents`, a template, which households get it, the file-name
// pattern and the page size. Adding a document is a template plus one entry.
#include <string>
#include <vector>

#include "common/error.hpp"

namespace sheetgen::render {

inline constexpr const char* kDocumentListSchemaV1 = "sheetgen/documents-v1";

// Which households a document type is made for (the one audience enum:
// commands::DocumentJob uses it too). EnglishReaders: household.language en.
enum class DocumentFor { Everyone, VentilatorUsers, PowerDependent, EnglishReaders };

// The audience's name in a document list ("ventilator_users" ...).
const char* to_string(DocumentFor audience);

struct DocumentType {
    std::string name;           // "sheet", "plan", "card" ...
    std::string template_path;  // resolved against the list file's folder
    DocumentFor audience = DocumentFor::Everyone;
    std::string file_pattern;   // "{id}-help-card.pdf": exactly one {id}, ends in .pdf, no '/'
    std::string page_size;      // "" = the template's own page_size
    SourceLocation at;
};

struct DocumentList {
    std::string file;
    std::vector<DocumentType> documents;
    const DocumentType* find(const std::string& name) const;
    std::vector<std::string> names() const;
};

// Throws InputError listing every problem (file:line:column): unknown keys,
// duplicate names or file patterns, a pattern without exactly one {id}, an
// unknown audience or page size.
DocumentList parse_document_list(const std::string& yaml_text, const std::string& file);
DocumentList load_document_list(const std::string& path);

// The file name of a document for household `id`.
std::string document_file_name(const std::string& pattern, const std::string& id);

}  // namespace sheetgen::render
