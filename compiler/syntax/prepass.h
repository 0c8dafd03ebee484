// The token pre-pass (private to compiler/syntax): one loop over every token of a file, before the
// parser runs and without recursion.
//
// In: the token table. Out: lexical diagnostics (E0002 unexpected characters, E0004 unterminated
// comments, E0010 unknown escapes, E0003 unterminated strings) and structure diagnostics (E0005
// unterminated interpolations, E0006 unclosed and E0007 stray brackets, E0008 nesting deeper than
// limits::kMaxNesting). Nesting counts brackets, braces, interpolations, `<` of param types and
// pending `?` (each then-branch nests one level in the parser), so the parser's recursion is
// bounded before it starts.
#pragma once

#include "compiler/syntax/error_sink.h"
#include "compiler/syntax/token_table.h"

namespace ecl::syntax {

// Returns true when the parser may run: no structure error was found and the error budget is not
// spent. Lexical errors alone do not stop the parser.
bool scan_tokens(const TokenTable& tokens, ErrorSink& sink);

// Recovery before the pre-pass: an unterminated string runs to the end of its line, taking with it
// the brackets that close the line (`cidr = "10.0.0.0/16 }`). Those are split off as tokens of
// their own, so that the string alone is reported (E0003), not an unclosed `{` at the end of the
// file, and the rest of the file is still parsed.
void split_unterminated_strings(std::vector<TokenInfo>& tokens, std::string_view text);

} // namespace ecl::syntax
