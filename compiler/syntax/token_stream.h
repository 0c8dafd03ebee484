// How the generated parser reads the fast lexer's tokens (private to compiler/syntax): a
// TokenSource over a TokenTable, which an antlr4::CommonTokenStream pulls from as the parser asks.
// No ANTLR type leaves the syntax layer.
//
// One such stream per piece FastParser hands the grammar (syntax.cpp); the pieces it reads itself
// pass through none. (A TokenStream of our own, 300 lines following BufferedTokenStream's quirks,
// was 2-9% faster where values are expressions and 3-4% slower where they are simple: callgrind,
// 2026-12-07.)
#pragma once

#include "compiler/syntax/token_table.h"

#include <antlr4-runtime.h>
#include <cstddef>
#include <memory>
#include <string>

namespace ecl::syntax {

// The antlr4::Token the source hands out: the table and an index, everything else read from the
// table (text copied out of the source, line and column computed when asked). It is not an
// antlr4::WritableToken, so a CommonTokenStream does not renumber it: getTokenIndex() is the table
// index even in a stream that starts in the middle of the file.
class TableToken final : public antlr4::Token {
public:
  TableToken(const TokenTable& table, antlr4::TokenSource* source, std::size_t index)
      : table_(table), source_(source), index_(index) {}

  std::string getText() const override { // CommonToken's says "<EOF>" for the EOF token
    return table_[index_].type == kEofType ? "<EOF>" : std::string(table_.text(index_));
  }
  std::size_t getType() const override {
    return table_[index_].type == kEofType ? antlr4::Token::EOF : table_[index_].type;
  }
  std::size_t getLine() const override { return position().line; }
  std::size_t getCharPositionInLine() const override { return position().column - 1; }
  std::size_t getChannel() const override { return table_[index_].channel; }
  std::size_t getTokenIndex() const override { return index_; }
  // Byte offsets into the source (ANTLR's own tokens count code points); nothing in eclc reads
  // them, TokenTable maps token indexes to ranges.
  std::size_t getStartIndex() const override { return table_[index_].begin; }
  // CommonToken's stop is inclusive; the EOF token's is one before its start.
  std::size_t getStopIndex() const override { return std::size_t{table_[index_].end} - 1; }
  antlr4::TokenSource* getTokenSource() const override { return source_; }
  antlr4::CharStream* getInputStream() const override { return nullptr; }
  // Nothing in eclc reads it; for a debugger, the text says enough.
  std::string toString() const override { return getText(); }

private:
  LineCol position() const { return table_.source_file().position(table_[index_].begin); }

  const TokenTable& table_;
  antlr4::TokenSource* source_;
  std::size_t index_;
};

// The table's tokens from index `first` on that the parser reads (the default channel), then the
// EOF token for every later call. Also gives ANTLR's error recovery the factory it conjures missing
// tokens with.
class TableTokenSource final : public antlr4::TokenSource {
public:
  TableTokenSource(const TokenTable& table, std::size_t first) : table_(table), next_(first) {}

  std::unique_ptr<antlr4::Token> nextToken() override;
  std::size_t getLine() const override { return 0; }
  std::size_t getCharPositionInLine() override { return 0; }
  antlr4::CharStream* getInputStream() override { return nullptr; }
  std::string getSourceName() override { return "<table>"; }
  antlr4::TokenFactory<antlr4::CommonToken>* getTokenFactory() override {
    return antlr4::CommonTokenFactory::DEFAULT.get();
  }

private:
  const TokenTable& table_;
  std::size_t next_;
};

// antlr4::CommonTokenStream over a TableTokenSource. Only its fetch() is its own: the runtime's
// tries a dynamic_cast to WritableToken on every token, to renumber it, which TableTokens need
// not be (a tenth of the time of `eclc check` on programs whose values are mostly expressions).
class TableTokenStream final : public antlr4::CommonTokenStream {
public:
  explicit TableTokenStream(TableTokenSource& source) : CommonTokenStream(&source) {}

protected:
  std::size_t fetch(std::size_t n) override;
};

} // namespace ecl::syntax
