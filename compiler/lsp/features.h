// The language features, each a function from an analysed program and a place in one of its files
// to the LSP result (JSON). Positions are byte offsets here; the server converts (positions.h).
#pragma once

#include "compiler/lsp/analysis.h"

#include <functional>
#include <nlohmann/json.hpp>
#include <string>

namespace ecl::lsp {

// Converts a byte range of any file of the program to an LSP Location / Range.
using LocationOf = std::function<nlohmann::json(const Range&)>;

// Diagnostics of file `file` as LSP Diagnostic objects; notes become relatedInformation.
nlohmann::json diagnostics_json(const Analysis& a, FileId file, const LocationOf& location);

// Hover: Markdown for the site at `offset`, or null.
nlohmann::json hover(const Analysis& a, FileId file, std::uint32_t offset,
                     const LocationOf& location);
// The declaration of the block or value at `offset`: a Location, or null.
nlohmann::json definition(const Analysis& a, FileId file, std::uint32_t offset,
                          const LocationOf& location);
// Every place naming the same block or value, its declaration first when asked.
nlohmann::json references(const Analysis& a, FileId file, std::uint32_t offset,
                          bool include_declaration, const LocationOf& location);
// The range and current name of a renameable symbol at `offset`, or null.
nlohmann::json prepare_rename(const Analysis& a, FileId file, std::uint32_t offset,
                              const LocationOf& location);
// A WorkspaceEdit renaming the symbol at `offset`; `error` is set (and null returned) when the
// new name is not an identifier, clashes, or nothing renameable is there.
nlohmann::json rename(const Analysis& a, FileId file, std::uint32_t offset,
                      const std::string& new_name, const LocationOf& location, std::string& error);
// DocumentSymbol[]: params, lets, outputs and the block tree as written (from the AST, so that a
// file the checker rejects still has an outline).
nlohmann::json document_symbols(const Analysis& a, FileId file, const LocationOf& location);
// CompletionItem[] for the cursor at `offset` of `text` (the file's current text).
nlohmann::json completion(const Analysis& a, FileId file, std::uint32_t offset);

} // namespace ecl::lsp
