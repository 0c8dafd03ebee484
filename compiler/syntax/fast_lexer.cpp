// The fast lexer mirrors the grammar's lexer rules (grammar/Ecl.g4, bottom) and the brace and
// interpolation stack of the oracle's Lexer (tests/oracle/antlr_lexer.cpp). ANTLR picks the longest
// match and, on a tie, the rule listed first; the comments below say where that decides something.
// Any change to the lexer rules must be made here too: fast_lexer_test and the fuzz target catch a
// mismatch.
#include "compiler/syntax/fast_lexer.h"

#include "compiler/syntax/decode.h"

#include <array>
#include <cstring>
#include <string>

namespace ecl::syntax {
namespace {

constexpr std::uint32_t kHidden = 1; // antlr4::Token::HIDDEN_CHANNEL

bool is_ident_start(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}
bool is_ident_char(unsigned char c) {
  return is_ident_start(c) || (c >= '0' && c <= '9');
}
bool is_digit(unsigned char c) {
  return c >= '0' && c <= '9';
}

// Length in bytes of the (valid) UTF-8 sequence led by `lead`.
std::size_t sequence_length(unsigned char lead) {
  return lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
}

// IDENT and the keywords: the keyword rules come first, so a tie (the whole identifier is the
// keyword) is the keyword.
std::uint32_t word_type(std::string_view word) {
  switch (word.size()) {
  case 3:
    return word == "let" ? Tok::KW_LET : Tok::IDENT;
  case 4:
    return word == "true" ? Tok::KW_TRUE : Tok::IDENT;
  case 5:
    return word == "param" ? Tok::KW_PARAM : word == "false" ? Tok::KW_FALSE : Tok::IDENT;
  case 6:
    return word == "output" ? Tok::KW_OUTPUT : Tok::IDENT;
  default:
    return Tok::IDENT;
  }
}

// The other operators and punctuation, as the grammar spells them (`COMMA : ',' ;`, `EQ : '==' ;`),
// by first byte: the one-byte token, and the two-byte one with its second byte (the longer match
// wins, as in ANTLR). `&` and `|` start only a two-byte one.
struct Punct {
  std::uint32_t single = 0;
  std::uint32_t pair = 0;
  unsigned char second = 0;
};
const std::array<Punct, 128>& punct_table() {
  static const std::array<Punct, 128> table = [] {
    std::array<Punct, 128> t{};
    const antlr4::dfa::Vocabulary& vocabulary = grammar().getVocabulary();
    for (std::uint32_t type = 1; type <= vocabulary.getMaxTokenType(); ++type) {
      std::string literal = vocabulary.getLiteralName(type); // `'=='`, or empty
      if ((literal.size() == 3 || literal.size() == 4) && !is_ident_char(literal[1])) {
        Punct& p = t[static_cast<unsigned char>(literal[1])];
        (literal.size() == 3 ? p.single : p.pair) = type;
        p.second = literal.size() == 4 ? static_cast<unsigned char>(literal[2]) : p.second;
      }
    }
    return t;
  }();
  return table;
}

class FastLexer {
public:
  explicit FastLexer(std::string_view text)
      : s_(reinterpret_cast<const unsigned char*>(text.data())), n_(text.size()) {}

  std::vector<TokenInfo> run() {
    // Every token but EOF takes at least one byte, so this never grows: growing by doubling
    // would copy the table and hold old and new at once (a file of one-line `let`s has a token
    // every 2 bytes), and reserved pages that no token reaches are never touched.
    out_.reserve(n_ + 1);
    std::size_t i = 0;
    while (i < n_) {
      i = next(i);
    }
    out_.push_back(
        TokenInfo{kEofType, 0, static_cast<std::uint32_t>(n_), static_cast<std::uint32_t>(n_)});
    return std::move(out_);
  }

private:
  // The byte at `i`, 0 past the end: every lookahead below compares with a byte other than 0.
  unsigned char at(std::size_t i) const { return i < n_ ? s_[i] : 0; }

  void emit(std::uint32_t type, std::uint32_t channel, std::size_t begin, std::size_t end) {
    out_.push_back(TokenInfo{type, channel, static_cast<std::uint32_t>(begin),
                             static_cast<std::uint32_t>(end)});
  }

  // Lexer::closesInterpolation.
  bool closes_interpolation() const { return !open_.empty() && open_.back() == kInterpolation; }

  // Where STRING_BODY, starting at `i`, ends when matched as far as it goes. Each piece of a body
  // is determined by its first character, so the longest body is found left to right: it stops
  // before a `"`, a line break or the end, before a `\` that escapes nothing (a line break or the
  // end follows), and before a `$` that starts `${` (a run of `$` before `{` keeps all but the
  // last).
  std::size_t body_end(std::size_t i) const {
    while (i < n_) {
      unsigned char c = s_[i];
      switch (c) {
      case '"':
      case '\n':
      case '\r':
        return i;
      case '\\': {
        if (i + 1 >= n_ || s_[i + 1] == '\n' || s_[i + 1] == '\r') {
          return i;
        }
        i += 1 + sequence_length(s_[i + 1]);
        break;
      }
      case '$':
        if (at(i + 1) == '{') {
          return i;
        }
        ++i;
        break;
      default:
        i += sequence_length(c);
        break;
      }
    }
    return i;
  }

  // A string piece starting with its one-byte opener at `begin` (`"`, or `}` closing an
  // interpolation): the longest of the closed form (`"`), the head/mid form (`${`) and the
  // unterminated form (an optional trailing `\`).
  std::size_t string_piece(std::size_t begin, bool tail) {
    std::size_t body = body_end(begin + 1);
    std::uint32_t type = 0;
    std::size_t end = body;
    unsigned char c = at(body);
    if (body < n_ && c == '"') {
      type = tail ? Tok::STRING_TAIL : Tok::STRING;
      end = body + 1;
    } else if (body < n_ && c == '$') { // body_end stops at `$` only before `{`
      type = tail ? Tok::STRING_MID : Tok::STRING_HEAD;
      end = body + 2;
    } else {
      type = tail ? Tok::UNTERMINATED_TAIL : Tok::UNTERMINATED_STRING;
      if (body < n_ && c == '\\') { // a `\` just before the line break or the end
        end = body + 1;
      }
    }
    emit(type, 0, begin, end);
    // Lexer::nextToken's bookkeeping for string pieces.
    if (type == Tok::STRING_HEAD) {
      interpolations_.push_back(open_.size());
      open_.push_back(kInterpolation);
    } else if (type == Tok::STRING_TAIL || type == Tok::UNTERMINATED_TAIL) {
      if (!interpolations_.empty()) {
        open_.resize(interpolations_.back());
        interpolations_.pop_back();
      }
    }
    return end;
  }

  // To the end of the line (not including the line break): LINE_COMMENT, HASH_COMMENT.
  std::size_t line_end(std::size_t i) const {
    while (i < n_ && s_[i] != '\n' && s_[i] != '\r') {
      ++i;
    }
    return i;
  }

  // Lexes the token (or white space) at `i`; returns where the next one starts.
  std::size_t next(std::size_t i) {
    const unsigned char c = s_[i];
    auto token = [&](std::uint32_t type, std::size_t end, std::uint32_t channel = 0) {
      emit(type, channel, i, end);
      return end;
    };
    switch (c) {
    case ' ':
    case '\t':
    case '\f':
      return white_space_end(i);
    case '\n':
    case '\r':
      newline();
      return token(Tok::NEWLINE, i + (c == '\r' && at(i + 1) == '\n' ? 2 : 1), kHidden);
    case '"':
      return string_piece(i, false);
    case '{':
      open_.push_back(kBrace);
      return token(Tok::LBRACE, i + 1);
    case '}':
      // Every tail rule comes before RBRACE and matches at least the `}`, so once the predicate
      // holds a `}` is never a brace.
      if (closes_interpolation()) {
        return string_piece(i, true);
      }
      if (!open_.empty()) {
        open_.pop_back();
      }
      return token(Tok::RBRACE, i + 1);
    case '/':
      if (at(i + 1) == '/') {
        return token(Tok::LINE_COMMENT, line_end(i + 2), kHidden);
      }
      if (at(i + 1) == '*') {
        return block_comment(i);
      }
      return token(Tok::SLASH, i + 1);
    case '#':
      return token(Tok::HASH_COMMENT, line_end(i + 1), kErrorChannel);
    default:
      break;
    }
    if (is_ident_start(c)) {
      std::size_t end = i + 1;
      while (end < n_ && is_ident_char(s_[end])) {
        ++end;
      }
      return token(word_type(std::string_view(reinterpret_cast<const char*>(s_ + i), end - i)),
                   end);
    }
    if (is_digit(c)) {
      return number(i);
    }
    if (c < punct_.size()) {
      const Punct& p = punct_[c];
      if (p.pair != 0 && at(i + 1) == p.second) {
        return token(p.pair, i + 2);
      }
      if (p.single != 0) {
        return token(p.single, i + 1);
      }
    }
    if (is_bom(i)) {
      return white_space_end(i); // U+FEFF is white space like a space
    }
    return error_char(i);
  }

  bool is_bom(std::size_t i) const {
    return s_[i] == 0xEF && at(i + 1) == 0xBB && at(i + 2) == 0xBF;
  }

  // WS: a run of spaces, tabs, form feeds and U+FEFF, skipped without a token.
  std::size_t white_space_end(std::size_t i) const {
    while (i < n_) {
      unsigned char w = s_[i];
      if (w == ' ' || w == '\t' || w == '\f') {
        ++i;
      } else if (is_bom(i)) {
        i += 3;
      } else {
        break;
      }
    }
    return i;
  }

  // ERROR_CHAR: one code point, however many bytes.
  std::size_t error_char(std::size_t i) {
    std::size_t end = i + sequence_length(s_[i]);
    emit(Tok::ERROR_CHAR, kErrorChannel, i, end);
    return end;
  }

  // NUMBER: digits, an optional fraction (only with a digit after the `.`; else the `.` is a DOT
  // of its own) and an optional glued unit.
  std::size_t number(std::size_t i) {
    std::size_t end = i;
    while (end < n_ && is_digit(s_[end])) {
      ++end;
    }
    if (at(end) == '.' && is_digit(at(end + 1))) {
      end += 2;
      while (end < n_ && is_digit(s_[end])) {
        ++end;
      }
    }
    if (end < n_ && is_ident_start(s_[end])) {
      ++end;
      while (end < n_ && is_ident_char(s_[end])) {
        ++end;
      }
    }
    emit(Tok::NUMBER, 0, i, end);
    return end;
  }

  // BLOCK_COMMENT up to the first `*/` after the `/*`; without one, UNTERMINATED_COMMENT runs to
  // the end of the file (it is shorter than a closed comment whenever there is a `*/`).
  std::size_t block_comment(std::size_t i) {
    std::size_t j = i + 2;
    while (j + 1 < n_) {
      const void* star = std::memchr(s_ + j, '*', n_ - 1 - j);
      if (star == nullptr) {
        break;
      }
      j = static_cast<std::size_t>(static_cast<const unsigned char*>(star) - s_);
      if (s_[j + 1] == '/') {
        emit(Tok::BLOCK_COMMENT, kHidden, i, j + 2);
        return j + 2;
      }
      ++j;
    }
    emit(Tok::UNTERMINATED_COMMENT, kHidden, i, n_);
    return n_;
  }

  // Lexer::nextToken on NEWLINE: a line break abandons every open interpolation.
  void newline() {
    if (!interpolations_.empty()) {
      open_.resize(interpolations_.front());
      interpolations_.clear();
    }
  }

  static constexpr std::uint8_t kBrace = 0;
  static constexpr std::uint8_t kInterpolation = 1;

  const unsigned char* s_;
  std::size_t n_;
  const std::array<Punct, 128>& punct_ = punct_table();
  std::vector<TokenInfo> out_;
  std::vector<std::uint8_t> open_;
  std::vector<std::size_t> interpolations_; // indexes into open_ of the interpolations
};

} // namespace

std::optional<std::vector<TokenInfo>> fast_lex(std::string_view text, FileId file,
                                               Diagnostics& diags) {
  if (!check_utf8(text, file, diags)) {
    return std::nullopt;
  }
  return FastLexer(text).run();
}

} // namespace ecl::syntax
