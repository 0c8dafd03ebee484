// The syntax layer: source text in, AST out. Lexing with its structure check, ANTLR parsing with
// error recovery and the parse-tree-to-AST transform all happen behind this one call.
#pragma once

#include "compiler/diagnostics/diagnostic.h"
#include "compiler/syntax/ast.h"

#include <optional>

namespace ecl::syntax {

// Parses file `id` of `sources`. Every syntax error of the file is reported to `diags` in words a
// person understands; the returned AST holds everything that could be parsed (items containing
// errors may be dropped or hold ast::Error expressions). Never throws, never recurses deeper than
// limits::kMaxNesting on any input.
ast::File parse_file(const SourceManager& sources, FileId id, Diagnostics& diags);

// parse_file's two parsing paths alone, for the tests that show they agree (syntax.cpp explains
// both). The fast one gives nullopt, and reports nothing of its own, where it cannot parse the
// file; parse_file then takes the careful one, which it never skips for a file with errors.
std::optional<ast::File> parse_file_fast_path(const SourceManager& sources, FileId id,
                                              Diagnostics& diags);
ast::File parse_file_careful_path(const SourceManager& sources, FileId id, Diagnostics& diags);

} // namespace ecl::syntax
