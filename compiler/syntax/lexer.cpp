#include "compiler/syntax/lexer.h"

namespace ecl::syntax {

std::unique_ptr<antlr4::Token> Lexer::nextToken() {
  std::unique_ptr<antlr4::Token> next = EclLexer::nextToken();
  switch (next->getType()) {
  case LBRACE:
    open_.push_back(Open::Brace);
    break;
  case RBRACE:
    // A `}` is only a brace when no interpolation is innermost, so this pops a brace; a stray one
    // (nothing open) is left for the pre-pass to report.
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

TokenTable::TokenTable(const SourceFile& source, FileId file,
                       const std::vector<antlr4::Token*>& tokens)
    : source_(source), file_(file) {
  const std::string& text = source.text();
  tokens_.reserve(tokens.size());
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
    tokens_.push_back(info);
  }
}

Range TokenTable::range(std::size_t index) const {
  const TokenInfo& t = tokens_[index];
  return Range{file_, t.begin, t.end};
}

std::string_view TokenTable::text(std::size_t index) const {
  const TokenInfo& t = tokens_[index];
  return source().substr(t.begin, t.end - t.begin);
}

bool TokenTable::is_real(const antlr4::Token* token) {
  return token != nullptr && token->getTokenIndex() != kNoTokenIndex;
}

Range TokenTable::range(const antlr4::Token* token) const {
  if (token == nullptr) {
    return Range{file_, 0, 0};
  }
  std::size_t index = token->getTokenIndex();
  if (index < tokens_.size()) {
    return range(index);
  }
  // Conjured: ANTLR copies the line and column of the token it stood in front of. Both count
  // lines by '\n' and columns by code points, as SourceFile does.
  LineCol pos{static_cast<std::uint32_t>(token->getLine()),
              static_cast<std::uint32_t>(token->getCharPositionInLine() + 1)};
  std::uint32_t offset = source_.offset_of(pos);
  return Range{file_, offset, offset};
}

bool is_string_piece(std::uint32_t type) {
  switch (type) {
  case Tok::STRING:
  case Tok::STRING_HEAD:
  case Tok::STRING_MID:
  case Tok::STRING_TAIL:
  case Tok::UNTERMINATED_STRING:
  case Tok::UNTERMINATED_TAIL:
    return true;
  default:
    return false;
  }
}

std::string_view string_body(std::uint32_t type, std::string_view token_text) {
  std::size_t closing = 0; // bytes of the closing delimiter
  switch (type) {
  case Tok::STRING:
  case Tok::STRING_TAIL:
    closing = 1; // `"`
    break;
  case Tok::STRING_HEAD:
  case Tok::STRING_MID:
    closing = 2; // `${`
    break;
  default:
    break; // unterminated: no closing delimiter
  }
  if (token_text.size() < 1 + closing) {
    return {};
  }
  return token_text.substr(1, token_text.size() - 1 - closing);
}

std::string_view TokenTable::text(const antlr4::Token* token) const {
  if (!is_real(token) || token->getTokenIndex() >= tokens_.size()) {
    return {};
  }
  return text(token->getTokenIndex());
}

} // namespace ecl::syntax
