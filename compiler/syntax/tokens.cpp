#include "compiler/syntax/tokens.h"

#include "compiler/syntax/fast_lexer.h"
#include "compiler/syntax/limits.h"
#include "compiler/syntax/token_table.h"

namespace ecl::syntax {
namespace {

TokenKind kind_of(std::size_t type, std::size_t channel) {
  constexpr TokenSet kKeywords{Tok::KW_PARAM, Tok::KW_LET, Tok::KW_OUTPUT, Tok::KW_TRUE,
                               Tok::KW_FALSE};
  if (channel == kErrorChannel) {
    return TokenKind::Error;
  }
  if (kKeywords.has(type)) {
    return TokenKind::Keyword;
  }
  switch (type) {
  case Tok::IDENT:
    return TokenKind::Identifier;
  case Tok::NUMBER:
    return TokenKind::Number;
  case Tok::STRING:
  case Tok::UNTERMINATED_STRING:
    return TokenKind::String;
  case Tok::STRING_HEAD:
    return TokenKind::StringHead;
  case Tok::STRING_MID:
    return TokenKind::StringMid;
  case Tok::STRING_TAIL:
  case Tok::UNTERMINATED_TAIL:
    return TokenKind::StringTail;
  case Tok::LINE_COMMENT:
    return TokenKind::LineComment;
  case Tok::BLOCK_COMMENT:
  case Tok::UNTERMINATED_COMMENT:
    return TokenKind::BlockComment;
  case Tok::NEWLINE:
    return TokenKind::Newline;
  default:
    return TokenKind::Punct;
  }
}

} // namespace

std::optional<std::vector<Token>> lex(std::string_view text) {
  if (text.size() > limits::kMaxFileBytes) {
    return std::nullopt;
  }
  Diagnostics ignored; // decode errors only tell us the text is not UTF-8
  std::optional<std::vector<TokenInfo>> tokens = fast_lex(text, 0, ignored);
  if (!tokens) {
    return std::nullopt;
  }
  std::vector<Token> out;
  out.reserve(tokens->size());
  for (const TokenInfo& info : *tokens) {
    if (info.type == kEofType) {
      continue;
    }
    out.push_back(Token{kind_of(info.type, info.channel), info.begin, info.end,
                        text.substr(info.begin, info.end - info.begin)});
  }
  return out;
}

} // namespace ecl::syntax
