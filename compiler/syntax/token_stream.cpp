#include "compiler/syntax/token_stream.h"

namespace ecl::syntax {

std::unique_ptr<antlr4::Token> TableTokenSource::nextToken() {
  // Only what the parser reads: the stream would skip the characters it never sees (their
  // channel), and the error strategy finds them in the table.
  next_ = table_.skip_hidden(next_);
  auto token = std::make_unique<TableToken>(table_, this, next_);
  if (next_ + 1 < table_.size()) {
    ++next_; // the last token is EOF, handed out again and again
  }
  return token;
}

std::size_t TableTokenStream::fetch(std::size_t n) {
  // BufferedTokenStream::fetch without the renumbering.
  if (_fetchedEOF) {
    return 0;
  }
  for (std::size_t i = 0; i < n; ++i) {
    _tokens.push_back(_tokenSource->nextToken());
    if (_tokens.back()->getType() == antlr4::Token::EOF) {
      _fetchedEOF = true;
      return i + 1;
    }
  }
  return n;
}

} // namespace ecl::syntax
