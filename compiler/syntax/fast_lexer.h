// The lexer of the syntax layer (private to compiler/syntax): one pass over the UTF-8 bytes that
// validates them and produces exactly the tokens the grammar's lexer produces, without ANTLR's
// per-token objects. The grammar stays the source of truth: the lexer ANTLR generates from it is
// kept as a test oracle (tests/oracle/antlr_lexer.h), and tests/unit/fast_lexer_test.cpp and the
// fuzz target compare the two on every input they have.
#pragma once

#include "compiler/diagnostics/diagnostic.h"
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

} // namespace ecl::syntax
