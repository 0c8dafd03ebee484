// The lexer of the syntax layer (private to compiler/syntax): one pass over the UTF-8 bytes that
// validates them and produces exactly the tokens the grammar's lexer produces, without ANTLR's
// per-token objects. The grammar stays the source of truth: the lexer ANTLR generates from it is
// kept as a test oracle (tests/oracle/antlr_lexer.h), and tests/unit/fast_lexer_test.cpp and the
// fuzz target compare the two on every input they have.
//
// The same pass checks what the parser relies on, without recursion: lexical errors (E0002
// unexpected characters, E0004 unterminated comments, E0010 unknown escapes, E0003 unterminated
// strings) and the structure (E0005 unterminated interpolations, E0006 unclosed and E0007 stray
// brackets, E0008 nesting deeper than limits::kMaxNesting). Nesting counts brackets, braces,
// interpolations, `<` of param types and pending `?` (each then-branch nests one level in the
// parser), so the parser's recursion is bounded before it starts.
#pragma once

#include "compiler/diagnostics/diagnostic.h"
#include "compiler/syntax/error_sink.h"
#include "compiler/syntax/token_table.h"

#include <optional>
#include <string_view>
#include <vector>

namespace ecl::syntax {

// Lexes UTF-8 `text` into exactly the tokens the grammar's lexer produces: every channel, in
// order, ending with one EOF token {kEofType, 0, text.size(), text.size()}. Invalid UTF-8 is
// reported as E0001 (check_utf8) and then the result is nullopt. Ranges are bytes, not code-point
// indexes.
std::optional<std::vector<TokenInfo>> fast_lex(std::string_view text, FileId file,
                                               Diagnostics& diags);

// parse_file's tokens: fast_lex's without comments and line breaks (the hidden channel, a quarter
// of the tokens), with the errors above reported to `sink`, and with the brackets that close the
// line of an unterminated string (`cidr = "10.0.0.0/16 }`) split off as tokens of their own.
// `parseable` is false when the parser may not run (a structure error, or the error budget spent);
// lexical errors alone do not stop it.
std::optional<std::vector<TokenInfo>> lex_for_parser(std::string_view text, FileId file,
                                                     ErrorSink& sink, bool& parseable);

} // namespace ecl::syntax
