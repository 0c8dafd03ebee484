#include "compiler/syntax/token_table.h"

namespace ecl::syntax {

const Tok& grammar() {
  static const Tok parser(nullptr);
  return parser;
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

std::string_view string_body(std::uint32_t type, std::string_view token_text) {
  // The closing delimiter: `"`, `${`, or none for an unterminated piece.
  std::size_t closing = type == Tok::STRING || type == Tok::STRING_TAIL       ? 1
                        : type == Tok::STRING_HEAD || type == Tok::STRING_MID ? 2
                                                                              : 0;
  if (token_text.size() < 1 + closing) {
    return {};
  }
  return token_text.substr(1, token_text.size() - 1 - closing);
}

std::string_view TokenTable::text(const antlr4::Token* token) const {
  if (token == nullptr || token->getTokenIndex() >= tokens_.size()) {
    return {}; // conjured: no text
  }
  return text(token->getTokenIndex());
}

} // namespace ecl::syntax
