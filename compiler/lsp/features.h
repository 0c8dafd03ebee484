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
// `parsed`: an earlier analysis of the program whose files all parsed, for names while the file
// has lost its blocks to a syntax error (`subnets = [net.w` being typed); may be null.
nlohmann::json completion(const Analysis& a, FileId file, std::uint32_t offset,
                          const Analysis* parsed);

// CodeAction[]: the quick fixes of the diagnostics of `file` that touch [begin, end].
nlohmann::json code_actions(const Analysis& a, FileId file, std::uint32_t begin, std::uint32_t end,
                            const LocationOf& location);

// The semantic token types and modifiers (the legend of initialize) and the tokens of `file`:
// kinds, block names and references, params and lets, attributes, built-in functions, keywords,
// strings, numbers and their units, comments, enum members.
nlohmann::json semantic_tokens_legend();
nlohmann::json semantic_tokens(const Analysis& a, FileId file);
// FoldingRange[]: blocks and block comments spanning lines.
nlohmann::json folding_ranges(const Analysis& a, FileId file);
// InlayHint[] for the folded values of attributes written in [begin, end] whose text does not show
// them: `cidrsubnet(main.cidr, 8, 1)` gets `= "10.0.1.0/24"`, `0.25vcpu` gets `= 256`.
nlohmann::json inlay_hints(const Analysis& a, FileId file, std::uint32_t begin, std::uint32_t end);
// Hover for a call of a built-in function (its signature and documentation), or null.
nlohmann::json builtin_hover(const Analysis& a, FileId file, std::uint32_t offset);
// SignatureHelp for the built-in call around `offset`, or null.
nlohmann::json signature_help(const Analysis& a, FileId file, std::uint32_t offset);

} // namespace ecl::lsp
