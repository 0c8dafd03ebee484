// The test oracle of the fast lexer: the lexer ANTLR generates from grammar/Ecl.g4, plus the one
// piece of state a combined grammar cannot express. eclc never runs it (it lexes with
// compiler/syntax/fast_lexer.cpp); tests/unit/fast_lexer_test.cpp and the fuzz target compare the
// two on every input they have, so the grammar stays the source of truth for the tokens.
#pragma once

#include "compiler/diagnostics/diagnostic.h"
#include "compiler/syntax/token_table.h"

#include <EclLexer.h>
#include <antlr4-runtime.h>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ecl::syntax {

// Decodes `text` to code points; when it is not UTF-8, reports as check_utf8 does (fast_lex's
// check) and gives nullopt.
std::optional<std::u32string> decode_utf8(std::string_view text, FileId file, Diagnostics& diags);

// A character stream over code points we decoded and validated ourselves (decode_utf8), so the
// runtime's own UTF-8 conversion never runs.
class CodePointStream : public antlr4::ANTLRInputStream {
public:
  explicit CodePointStream(std::u32string code_points) { _data = std::move(code_points); }
};

// The generated lexer plus a stack of open braces and interpolations, so that
// `closesInterpolation()` can tell whether a `}` resumes a string. A line break abandons every
// interpolation still open (strings end on their line).
class Lexer : public ecl_gen::EclLexer {
public:
  explicit Lexer(antlr4::CharStream* input) : EclLexer(input) {}

  std::unique_ptr<antlr4::Token> nextToken() override;
  bool closesInterpolation() override;

private:
  enum class Open : std::uint8_t { Brace, Interpolation };
  std::vector<Open> open_;
  std::vector<std::size_t> interpolations_; // indexes into open_ of the Interpolation entries
};

// ANTLR's tokens (code-point indexes into `text`) as TokenInfos with byte ranges.
std::vector<TokenInfo> token_infos(std::string_view text,
                                   const std::vector<antlr4::Token*>& tokens);

// What fast_lex returns, through the ANTLR lexer (decode_utf8, CodePointStream, Lexer): every
// token on every channel ending with EOF, or nullopt with E0001 reported for invalid UTF-8. Slow
// and memory-hungry.
std::optional<std::vector<TokenInfo>> antlr_lex(std::string_view text, FileId file,
                                                Diagnostics& diags);

} // namespace ecl::syntax
