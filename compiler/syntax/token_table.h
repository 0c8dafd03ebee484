// The tokens of one file as the syntax layer holds them (private to compiler/syntax): what the
// lexer produces (fast_lexer.h), one 16-byte TokenInfo a token, and the table that maps every token
// to its byte range in the source.
#pragma once

#include "compiler/diagnostics/source.h"

#include <EclParser.h>
#include <antlr4-runtime.h>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ecl::syntax {

// Token type constants: Tok::IDENT, Tok::LBRACE, ... (the generated parser declares the same ones
// as the generated lexer, which eclc does not link: tests/oracle).
using Tok = ecl_gen::EclParser;

// The generated parser keeps its vocabulary and ATN behind virtual getters: this one, over no
// tokens, answers for the grammar.
const Tok& grammar();

// The EOF token's type in a TokenInfo (ANTLR's Token::EOF does not fit 32 bits).
inline constexpr std::uint32_t kEofType = 0xFFFFFFFFu;
// ANTLR's "no index" for tokens it conjured while recovering.
inline constexpr std::size_t kNoTokenIndex = static_cast<std::size_t>(-1);

// Channel of ERROR_CHAR tokens (`-> channel(2)` in the grammar): the parser never sees them.
inline constexpr std::size_t kErrorChannel = 2;

// A set of token types, for membership tests without a switch: `TokenSet{Tok::LPAREN,
// Tok::RPAREN}.has(type)`. The end of file (kEofType, antlr4::Token::EOF) is never a member.
class TokenSet {
public:
  constexpr TokenSet(std::initializer_list<std::uint32_t> types) {
    for (std::uint32_t type : types) {
      bits_ |= std::uint64_t{1} << type;
    }
  }
  constexpr bool has(std::size_t type) const { return type < 64 && ((bits_ >> type) & 1) != 0; }

private:
  std::uint64_t bits_ = 0;
};
static_assert(Tok::ERROR_CHAR < 64, "every token type fits a TokenSet");

// The string pieces: `"…"`, `"…${`, `}…${`, `}…"`, and the unterminated `"…` and `}…`.
inline bool is_string_piece(std::uint32_t type) {
  constexpr TokenSet kPieces{Tok::STRING,      Tok::STRING_HEAD,         Tok::STRING_MID,
                             Tok::STRING_TAIL, Tok::UNTERMINATED_STRING, Tok::UNTERMINATED_TAIL};
  return kPieces.has(type);
}

// One token as the rest of the syntax layer sees it: type, channel and byte range.
struct TokenInfo {
  std::uint32_t type = 0; // a Tok:: constant or kEofType
  std::uint32_t channel = 0;
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  friend bool operator==(const TokenInfo&, const TokenInfo&) = default;
};
static_assert(sizeof(TokenInfo) <= 16);

// Every token of one file, indexed like the token stream (token->getTokenIndex()), with byte
// ranges.
class TokenTable {
public:
  // Tokens with byte ranges (fast_lex), ending with the EOF token.
  TokenTable(const SourceFile& source, FileId file, std::vector<TokenInfo> tokens)
      : source_(source), file_(file), tokens_(std::move(tokens)) {}

  std::size_t size() const { return tokens_.size(); }
  const TokenInfo& operator[](std::size_t index) const { return tokens_[index]; }
  const SourceFile& source_file() const { return source_; }
  FileId file() const { return file_; }
  std::string_view source() const { return source_.text(); }
  // `index`, or the first token after it that the parser reads (on the default channel): the EOF
  // token at the latest.
  std::size_t skip_hidden(std::size_t index) const {
    while (index + 1 < tokens_.size() && tokens_[index].channel != antlr4::Token::DEFAULT_CHANNEL) {
      ++index;
    }
    return index;
  }

  Range range(std::size_t index) const {
    return Range{file_, tokens_[index].begin, tokens_[index].end};
  }
  std::string_view text(std::size_t index) const {
    return source().substr(tokens_[index].begin, tokens_[index].end - tokens_[index].begin);
  }
  // For a token from the stream; a token the parser conjured while recovering (it has no index)
  // gets an empty range at its line and column.
  Range range(const antlr4::Token* token) const;
  std::string_view text(const antlr4::Token* token) const;
  // Tokens ANTLR conjured while recovering are not real text.
  static bool is_real(const antlr4::Token* token);

private:
  const SourceFile& source_;
  FileId file_;
  std::vector<TokenInfo> tokens_;
};

// The raw text between a string piece's delimiters; it always starts one byte into the token.
std::string_view string_body(std::uint32_t type, std::string_view token_text);

} // namespace ecl::syntax
