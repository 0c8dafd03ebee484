#include "tests/oracle/antlr_lexer.h"

#include "compiler/syntax/decode.h"

namespace ecl::syntax {

std::unique_ptr<antlr4::Token> Lexer::nextToken() {
  std::unique_ptr<antlr4::Token> next = EclLexer::nextToken();
  switch (next->getType()) {
  case LBRACE:
    open_.push_back(Open::Brace);
    break;
  case RBRACE:
    // A `}` is only a brace when no interpolation is innermost, so this pops a brace; a stray one
    // (nothing open) is left for the structure check to report.
    if (!open_.empty()) {
      open_.pop_back();
    }
    break;
  case STRING_HEAD:
    interpolations_.push_back(open_.size());
    open_.push_back(Open::Interpolation);
    break;
  case STRING_TAIL:
  case UNTERMINATED_TAIL:
    // The grammar's predicate made this a tail, so an interpolation is innermost.
    if (!interpolations_.empty()) {
      open_.resize(interpolations_.back());
      interpolations_.pop_back();
    }
    break;
  case NEWLINE:
    if (!interpolations_.empty()) {
      open_.resize(interpolations_.front());
      interpolations_.clear();
    }
    break;
  default:
    break;
  }
  return next;
}

bool Lexer::closesInterpolation() {
  return !open_.empty() && open_.back() == Open::Interpolation;
}

std::vector<TokenInfo> token_infos(std::string_view text,
                                   const std::vector<antlr4::Token*>& tokens) {
  std::vector<TokenInfo> out;
  out.reserve(tokens.size());
  // Tokens come in source order, so one cursor walks code points and bytes together.
  std::size_t cp = 0;
  std::size_t byte = 0;
  auto advance_to = [&](std::size_t target) {
    while (cp < target && byte < text.size()) {
      auto lead = static_cast<unsigned char>(text[byte]);
      byte += lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
      ++cp;
    }
  };
  for (antlr4::Token* token : tokens) {
    TokenInfo info;
    bool eof = token->getType() == antlr4::Token::EOF;
    info.type = eof ? kEofType : static_cast<std::uint32_t>(token->getType());
    info.channel = static_cast<std::uint32_t>(token->getChannel());
    std::size_t start = token->getStartIndex();
    std::size_t stop = token->getStopIndex();
    advance_to(start);
    info.begin = static_cast<std::uint32_t>(byte);
    if (!eof && stop != kNoTokenIndex && stop >= start) {
      advance_to(stop + 1);
    }
    info.end = static_cast<std::uint32_t>(byte);
    out.push_back(info);
  }
  return out;
}

std::optional<std::u32string> decode_utf8(std::string_view text, FileId file, Diagnostics& diags) {
  if (!check_utf8(text, file, diags)) {
    return std::nullopt;
  }
  std::u32string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    CodePoint cp = code_point_at(text, i);
    out.push_back(cp.value);
    i += cp.length;
  }
  return out;
}

std::optional<std::vector<TokenInfo>> antlr_lex(std::string_view text, FileId file,
                                                Diagnostics& diags) {
  std::optional<std::u32string> code_points = decode_utf8(text, file, diags);
  if (!code_points) {
    return std::nullopt;
  }
  CodePointStream input(std::move(*code_points));
  Lexer lexer(&input);
  lexer.removeErrorListeners(); // unmatched input becomes ERROR_CHAR tokens, never an error
  antlr4::CommonTokenStream stream(&lexer);
  stream.fill();
  return token_infos(text, stream.getTokens());
}

} // namespace ecl::syntax
