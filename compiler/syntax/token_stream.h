// An antlr4::TokenStream over a TokenTable (private to compiler/syntax), so the generated parser
// reads the fast lexer's tokens without ANTLR's CommonToken per token.
#pragma once

#include "compiler/syntax/token_table.h"

#include <antlr4-runtime.h>
#include <cstddef>
#include <deque>
#include <memory>
#include <string>
#include <vector>

namespace ecl::syntax {

class TableTokenStream;

// The one antlr4::Token kind the stream hands out: the stream and an index, everything else read
// from the table (text copied out of the source, line and column computed when asked).
class TableToken final : public antlr4::Token {
public:
  TableToken(const TableTokenStream& stream, std::size_t index) : stream_(stream), index_(index) {}

  std::string getText() const override;
  std::size_t getType() const override;
  std::size_t getLine() const override;
  std::size_t getCharPositionInLine() const override;
  std::size_t getChannel() const override;
  std::size_t getTokenIndex() const override { return index_; }
  // Byte offsets into the source (ANTLR's own tokens count code points); nothing in eclc reads
  // them, TokenTable maps token indexes to ranges.
  std::size_t getStartIndex() const override;
  std::size_t getStopIndex() const override;
  antlr4::TokenSource* getTokenSource() const override;
  antlr4::CharStream* getInputStream() const override { return nullptr; }
  std::string toString() const override;

private:
  const TableTokenStream& stream_;
  std::size_t index_;
};

// What TableToken::getTokenSource() returns: it never produces tokens (the table has them all) but
// gives ANTLR's error recovery the factory it conjures missing tokens with.
class TableTokenSource final : public antlr4::TokenSource {
public:
  explicit TableTokenSource(const TokenTable& table) : table_(table) {}
  std::unique_ptr<antlr4::Token> nextToken() override;
  std::size_t getLine() const override { return 0; }
  std::size_t getCharPositionInLine() override { return 0; }
  antlr4::CharStream* getInputStream() override { return nullptr; }
  std::string getSourceName() override { return "<table>"; }
  antlr4::TokenFactory<antlr4::CommonToken>* getTokenFactory() override;

private:
  const TokenTable& table_;
};

// An antlr4::TokenStream over a TokenTable: token indexes equal table indexes and, like
// antlr4::CommonTokenStream, the parser only sees channel-0 tokens (LT/LA skip other channels);
// seek/index/size/get/getText/consume/mark/release/LA behave as in CommonTokenStream so ANTLR's
// parser, error strategies and our ErrorListener work unchanged. antlr4::Token objects are made
// when first asked for and owned by the stream.
class TableTokenStream final : public antlr4::TokenStream {
public:
  explicit TableTokenStream(const TokenTable& table);
  ~TableTokenStream() override;
  TableTokenStream(const TableTokenStream&) = delete;
  TableTokenStream& operator=(const TableTokenStream&) = delete;

  const TokenTable& table() const { return table_; }

  // Tokens are made, and freed, in blocks of this many consecutive indexes: one allocation per
  // block rather than per token.
  static constexpr std::size_t kTokensPerBlock = 1024;

  // Frees the antlr4::Token objects of indexes < `index` (whole blocks of them; the rest of a
  // block stays): the caller promises no parse tree still points at them (it calls this after
  // releasing each item's parse tree). They are made again if asked for later.
  void release_before(std::size_t index);
  // How many antlr4::Token objects the stream holds right now (for tests).
  std::size_t live_tokens() const;

  // antlr4::IntStream
  void consume() override;
  std::size_t LA(ssize_t i) override;
  ssize_t mark() override { return 0; }
  void release(ssize_t /*marker*/) override {}
  std::size_t index() override { return p_; }
  void seek(std::size_t index) override;
  std::size_t size() override { return table_.size(); }
  std::string getSourceName() const override { return "<table>"; }

  // antlr4::TokenStream
  antlr4::Token* LT(ssize_t k) override;
  antlr4::Token* get(std::size_t index) const override;
  antlr4::TokenSource* getTokenSource() const override;
  std::string getText(const antlr4::misc::Interval& interval) override;
  std::string getText() override;
  std::string getText(antlr4::RuleContext* ctx) override;
  std::string getText(antlr4::Token* start, antlr4::Token* stop) override;

private:
  // Index of the first default-channel (or EOF) token at or after `i`, the last index when past the
  // end (BufferedTokenStream::nextTokenOnChannel).
  std::size_t next_on_channel(std::size_t i) const;
  // Index of the last default-channel (or EOF) token at or before `i`, -1 when none
  // (BufferedTokenStream::previousTokenOnChannel, including its unsigned wrap-around).
  ssize_t previous_on_channel(std::size_t i) const;
  // BufferedTokenStream::sync once everything is fetched: is `i` a token index?
  bool has(std::size_t i) const { return i + 1 < table_.size() || i < table_.size(); }
  antlr4::Token* LB(std::size_t k);
  bool is_eof(std::size_t i) const { return table_[i].type == kEofType; }

  const TokenTable& table_;
  mutable TableTokenSource source_;
  std::size_t p_ = 0;
  // Block b holds the tokens of indexes [b * kTokensPerBlock, (b + 1) * kTokensPerBlock); blocks_
  // holds blocks [first_block_, first_block_ + blocks_.size()), null where none was asked for yet.
  mutable std::deque<std::unique_ptr<std::vector<TableToken>>> blocks_;
  mutable std::size_t first_block_ = 0;
  // The block get() used last (the parser asks for the same few tokens over and over).
  mutable std::size_t cached_block_ = static_cast<std::size_t>(-1);
  mutable TableToken* cached_tokens_ = nullptr;
};

} // namespace ecl::syntax
