// TableTokenStream follows antlr4::BufferedTokenStream and antlr4::CommonTokenStream (runtime 4.9)
// in the state they are in after fill(): every token fetched, the last one EOF. The parser's
// behaviour, error recovery included, depends on exactly which token LT/LA/seek land on, so the
// channel walks below keep the runtime's quirks (EOF counts as on every channel; an index before
// the first token wraps around). tests/unit/fast_lexer_test.cpp compares both streams call by call.
#include "compiler/syntax/token_stream.h"

#include <algorithm>
#include <sstream>

namespace ecl::syntax {

// ---- TableToken ---------------------------------------------------------------------------------

std::string TableToken::getText() const {
  const TokenTable& table = stream_.table();
  if (table[index_].type == kEofType) {
    return "<EOF>"; // what CommonToken::getText says for the EOF token
  }
  return std::string(table.text(index_));
}

std::size_t TableToken::getType() const {
  std::uint32_t type = stream_.table()[index_].type;
  return type == kEofType ? antlr4::Token::EOF : type;
}

std::size_t TableToken::getLine() const {
  const TokenTable& table = stream_.table();
  return table.source_file().position(table[index_].begin).line;
}

std::size_t TableToken::getCharPositionInLine() const {
  const TokenTable& table = stream_.table();
  return table.source_file().position(table[index_].begin).column - 1;
}

std::size_t TableToken::getChannel() const {
  return stream_.table()[index_].channel;
}

std::size_t TableToken::getStartIndex() const {
  return stream_.table()[index_].begin;
}

std::size_t TableToken::getStopIndex() const {
  // CommonToken's stop is inclusive; the EOF token's is one before its start.
  return static_cast<std::size_t>(stream_.table()[index_].end) - 1;
}

antlr4::TokenSource* TableToken::getTokenSource() const {
  return stream_.getTokenSource();
}

std::string TableToken::toString() const {
  std::string text = getText();
  std::string shown;
  for (char c : text) {
    switch (c) {
    case '\n':
      shown += "\\n";
      break;
    case '\r':
      shown += "\\r";
      break;
    case '\t':
      shown += "\\t";
      break;
    default:
      shown += c;
    }
  }
  std::ostringstream out;
  out << "[@" << index_ << "," << getStartIndex() << ":" << getStopIndex() << "='" << shown << "',<"
      << getType() << ">";
  if (getChannel() > 0) {
    out << ",channel=" << getChannel();
  }
  out << "," << getLine() << ":" << getCharPositionInLine() << "]";
  return out.str();
}

// ---- TableTokenSource ---------------------------------------------------------------------------

std::unique_ptr<antlr4::Token> TableTokenSource::nextToken() {
  // The stream never pulls tokens; a caller that does gets the end of the input.
  auto end = static_cast<std::size_t>(table_.source().size());
  return std::make_unique<antlr4::CommonToken>(
      std::make_pair(static_cast<antlr4::TokenSource*>(this), nullptr), antlr4::Token::EOF,
      antlr4::Token::DEFAULT_CHANNEL, end, end - 1);
}

antlr4::TokenFactory<antlr4::CommonToken>* TableTokenSource::getTokenFactory() {
  return antlr4::CommonTokenFactory::DEFAULT.get();
}

// ---- TableTokenStream ---------------------------------------------------------------------------

TableTokenStream::TableTokenStream(const TokenTable& table) : table_(table), source_(table) {
  if (table_.size() == 0 || table_[table_.size() - 1].type != kEofType) {
    throw antlr4::IllegalStateException("token table without an EOF token");
  }
  p_ = next_on_channel(0); // BufferedTokenStream::setup
}

TableTokenStream::~TableTokenStream() = default;

std::size_t TableTokenStream::next_on_channel(std::size_t i) const {
  if (i >= table_.size()) {
    return table_.size() - 1;
  }
  while (table_[i].channel != antlr4::Token::DEFAULT_CHANNEL) {
    if (is_eof(i)) {
      return i;
    }
    ++i;
  }
  return i;
}

ssize_t TableTokenStream::previous_on_channel(std::size_t i) const {
  if (i >= table_.size()) {
    return static_cast<ssize_t>(table_.size() - 1); // EOF is on every channel
  }
  while (true) {
    if (is_eof(i) || table_[i].channel == antlr4::Token::DEFAULT_CHANNEL) {
      return static_cast<ssize_t>(i);
    }
    if (i == 0) {
      return -1;
    }
    --i;
  }
}

antlr4::Token* TableTokenStream::get(std::size_t index) const {
  if (index >= table_.size()) {
    throw antlr4::IndexOutOfBoundsException("token index " + std::to_string(index) +
                                            " out of range 0.." +
                                            std::to_string(table_.size() - 1));
  }
  std::size_t block = index / kTokensPerBlock;
  if (block == cached_block_) {
    return &cached_tokens_[index % kTokensPerBlock];
  }
  if (block < first_block_) {
    // Made again after release_before: nothing points at the old objects any more.
    while (first_block_ > block) {
      blocks_.emplace_front();
      --first_block_;
    }
  } else if (block - first_block_ >= blocks_.size()) {
    blocks_.resize(block - first_block_ + 1);
  }
  std::unique_ptr<std::vector<TableToken>>& tokens = blocks_[block - first_block_];
  if (!tokens) {
    tokens = std::make_unique<std::vector<TableToken>>();
    std::size_t first = block * kTokensPerBlock;
    std::size_t end = std::min(first + kTokensPerBlock, table_.size());
    tokens->reserve(end - first);
    for (std::size_t i = first; i < end; ++i) {
      tokens->emplace_back(*this, i);
    }
  }
  cached_block_ = block;
  cached_tokens_ = tokens->data();
  return &cached_tokens_[index % kTokensPerBlock];
}

void TableTokenStream::release_before(std::size_t index) {
  std::size_t block = index / kTokensPerBlock; // blocks before this one are wholly below `index`
  if (cached_block_ < block) {
    cached_block_ = static_cast<std::size_t>(-1);
    cached_tokens_ = nullptr;
  }
  while (first_block_ < block && !blocks_.empty()) {
    blocks_.pop_front();
    ++first_block_;
  }
  if (blocks_.empty() && first_block_ < block) {
    first_block_ = block;
  }
}

std::size_t TableTokenStream::live_tokens() const {
  std::size_t live = 0;
  for (const auto& tokens : blocks_) {
    live += tokens ? tokens->size() : 0;
  }
  return live;
}

antlr4::TokenSource* TableTokenStream::getTokenSource() const {
  return &source_;
}

antlr4::Token* TableTokenStream::LB(std::size_t k) {
  // CommonTokenStream::LB
  if (k == 0 || k > p_) {
    return nullptr;
  }
  auto i = static_cast<ssize_t>(p_);
  for (std::size_t n = 1; n <= k; ++n) {
    i = previous_on_channel(static_cast<std::size_t>(i - 1));
  }
  if (i < 0) {
    return nullptr;
  }
  return get(static_cast<std::size_t>(i));
}

antlr4::Token* TableTokenStream::LT(ssize_t k) {
  // CommonTokenStream::LT
  if (k == 0) {
    return nullptr;
  }
  if (k < 0) {
    return LB(static_cast<std::size_t>(-k));
  }
  std::size_t i = p_;
  for (ssize_t n = 1; n < k; ++n) {
    if (has(i + 1)) {
      i = next_on_channel(i + 1);
    }
  }
  return get(i);
}

std::size_t TableTokenStream::LA(ssize_t i) {
  if (i > 0) {
    // LT(i)->getType() without making the token: the parser asks for LA(1) all the time.
    std::size_t at = p_;
    for (ssize_t n = 1; n < i; ++n) {
      if (has(at + 1)) {
        at = next_on_channel(at + 1);
      }
    }
    return is_eof(at) ? antlr4::Token::EOF : table_[at].type;
  }
  antlr4::Token* token = LT(i);
  return token != nullptr ? token->getType() : antlr4::Token::INVALID_TYPE;
}

void TableTokenStream::consume() {
  // BufferedTokenStream::consume with every token fetched.
  bool skip_eof_check = p_ < table_.size() - 1;
  if (!skip_eof_check && LA(1) == antlr4::Token::EOF) {
    throw antlr4::IllegalStateException("cannot consume EOF");
  }
  if (has(p_ + 1)) {
    p_ = next_on_channel(p_ + 1);
  }
}

void TableTokenStream::seek(std::size_t index) {
  p_ = next_on_channel(index);
}

std::string TableTokenStream::getText(const antlr4::misc::Interval& interval) {
  auto start = static_cast<std::size_t>(interval.a);
  auto stop = static_cast<std::size_t>(interval.b);
  if (start == INVALID_INDEX || stop == INVALID_INDEX) {
    return "";
  }
  if (stop >= table_.size()) {
    stop = table_.size() - 1;
  }
  std::string out;
  for (std::size_t i = start; i <= stop; ++i) {
    if (is_eof(i)) {
      break;
    }
    out += table_.text(i);
  }
  return out;
}

std::string TableTokenStream::getText() {
  return getText(antlr4::misc::Interval(std::size_t{0}, table_.size() - 1));
}

std::string TableTokenStream::getText(antlr4::RuleContext* ctx) {
  return getText(ctx->getSourceInterval());
}

std::string TableTokenStream::getText(antlr4::Token* start, antlr4::Token* stop) {
  if (start != nullptr && stop != nullptr) {
    return getText(antlr4::misc::Interval(start->getTokenIndex(), stop->getTokenIndex()));
  }
  return "";
}

} // namespace ecl::syntax
