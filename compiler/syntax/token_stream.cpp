#include "compiler/syntax/token_stream.h"

namespace ecl::syntax {

std::string TableToken::getText() const {
  if (table_[index_].type == kEofType) {
    return "<EOF>"; // what CommonToken::getText says for the EOF token
  }
  return std::string(table_.text(index_));
}

std::size_t TableToken::getType() const {
  std::uint32_t type = table_[index_].type;
  return type == kEofType ? antlr4::Token::EOF : type;
}

std::size_t TableToken::getLine() const {
  return table_.source_file().position(table_[index_].begin).line;
}

std::size_t TableToken::getCharPositionInLine() const {
  return table_.source_file().position(table_[index_].begin).column - 1;
}

std::size_t TableToken::getStopIndex() const {
  // CommonToken's stop is inclusive; the EOF token's is one before its start.
  return static_cast<std::size_t>(table_[index_].end) - 1;
}

std::unique_ptr<antlr4::Token> TableTokenSource::nextToken() {
  // Only what the parser reads: comments and line breaks never reach it (the stream would skip
  // them), and the error strategy finds them in the table.
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
