// The fast lexer mirrors the grammar's lexer rules (grammar/Ecl.g4, bottom) and the brace and
// interpolation stack of the oracle's Lexer (tests/oracle/antlr_lexer.cpp). ANTLR picks the longest
// match and, on a tie, the rule listed first; the comments below say where that decides something.
// Any change to the lexer rules must be made here too: fast_lexer_test and the fuzz target catch a
// mismatch.
//
// The same pass checks the structure (fast_lexer.h): the lexer's brace and interpolation stack is
// the structure check's stack of open brackets, braces and interpolations, each token checked as
// it is emitted.
#include "compiler/syntax/fast_lexer.h"

#include "compiler/syntax/decode.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <optional>
#include <string>
#include <utility>

namespace ecl::syntax {
namespace {

constexpr std::uint32_t kHidden = 1; // antlr4::Token::HIDDEN_CHANNEL

enum Opener : std::uint8_t { Paren, Bracket, Brace, Interpolation, kOpenerCount };

constexpr std::array<const char*, kOpenerCount> kOpenText = {"(", "[", "{", "${"};
constexpr std::array<const char*, kOpenerCount> kCloseText = {")", "]", "}", "}"};

// Hints for characters people type out of habit from other languages.
constexpr std::pair<char32_t, const char*> kCharacterHints[] = {
    {U'&', "; did you mean `&&`?"},
    {U'|', "; did you mean `||`?"},
    {U'\'', "; strings use double quotes `\"`"},
    {U'\u201C', "; strings use straight double quotes `\"`"},
    {U'\u201D', "; strings use straight double quotes `\"`"},
    {U';', "; items need no separator"},
    {U'#', "; comments start with `//`"},
};

bool is_ident_start(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}
bool is_ident_char(unsigned char c) {
  return is_ident_start(c) || (c >= '0' && c <= '9');
}
bool is_digit(unsigned char c) {
  return c >= '0' && c <= '9';
}

// The bytes a string body takes one by one without a second look (most of a long string's):
// ASCII but `"`, `\`, `$` and line breaks.
constexpr std::array<bool, 256> kPlainStringByte = [] {
  std::array<bool, 256> plain{};
  for (unsigned char c = 0; c < 0x80; ++c) {
    plain[c] = c != '"' && c != '\\' && c != '$' && c != '\n' && c != '\r';
  }
  return plain;
}();

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
  // Errors go to `sink`; `for_parser`: lex_for_parser's tokens, not fast_lex's.
  FastLexer(std::string_view text, FileId file, ErrorSink& sink, bool for_parser)
      : text_(text), s_(reinterpret_cast<const unsigned char*>(text.data())), n_(text.size()),
        file_(file), sink_(sink), for_parser_(for_parser) {}

  std::vector<TokenInfo> run() {
    // Every token but EOF takes at least one byte, so this never grows: growing by doubling
    // would copy the table and hold old and new at once (a file of one-line `let`s has a token
    // every 2 bytes), and reserved pages that no token reaches are never touched.
    out_.reserve(n_ + 1);
    std::size_t i = 0;
    while (i < n_) {
      i = next(i);
    }
    const auto size = static_cast<std::uint32_t>(n_);
    out_.push_back(TokenInfo{kEofType, 0, size, size});
    check(out_.back()); // which emit() might skip
    return std::move(out_);
  }

  // False when the parser may not run: a structure error was found or the error budget is spent.
  // Lexical errors alone do not stop the parser.
  bool parseable() const { return ok_ && !sink_.stopped(); }

private:
  // The byte at `i`, 0 past the end: every lookahead below compares with a byte other than 0.
  unsigned char at(std::size_t i) const { return i < n_ ? s_[i] : 0; }

  void emit(std::uint32_t type, std::uint32_t channel, std::size_t begin, std::size_t end) {
    const TokenInfo t{type, channel, static_cast<std::uint32_t>(begin),
                      static_cast<std::uint32_t>(end)};
    if (!for_parser_ || channel != kHidden) { // the parser needs no comments and line breaks
      out_.push_back(t);
    }
    // Names, numbers, `=`, `.`, `,`, line breaks and comments change nothing check() looks at,
    // unless in a param's type, after a `param`, in an interpolation or after an unexpected
    // character: most tokens skip it.
    constexpr TokenSet kChecked{Tok::ERROR_CHAR, Tok::HASH_COMMENT, Tok::UNTERMINATED_COMMENT,
                                Tok::LPAREN,     Tok::RPAREN,       Tok::LBRACKET,
                                Tok::RBRACKET,   Tok::LBRACE,       Tok::RBRACE,
                                Tok::QUESTION,   Tok::COLON,        Tok::LT,
                                Tok::GT,         Tok::KW_PARAM};
    if (kChecked.has(type) || is_string_piece(type) || run_ || param_ != 0 || in_type_ ||
        interpolations_ > 0) {
      check(t);
    }
  }

  // Lexer::closesInterpolation: the innermost open brace or interpolation is an interpolation.
  bool closes_interpolation() const {
    auto open = std::find_if(stack_.rbegin(), stack_.rend(), [](const Frame& frame) {
      return frame.kind == Brace || frame.kind == Interpolation;
    });
    return open != stack_.rend() && open->kind == Interpolation;
  }

  // Where STRING_BODY, starting at `i`, ends when matched as far as it goes. Each piece of a body
  // is determined by its first character, so the longest body is found left to right: it stops
  // before a `"`, a line break or the end, before a `\` that escapes nothing (a line break or the
  // end follows), and before a `$` that starts `${` (a run of `$` before `{` keeps all but the
  // last).
  std::size_t body_end(std::size_t i) const {
    while (i < n_) {
      unsigned char c = s_[i];
      if (kPlainStringByte[c]) {
        ++i;
        continue;
      }
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
    if (type == Tok::UNTERMINATED_STRING && for_parser_) {
      split_unterminated(begin, end);
    } else {
      emit(type, 0, begin, end);
    }
    return end;
  }

  // An unterminated string runs to the end of its line, taking with it the brackets that close the
  // line (`cidr = "10.0.0.0/16 }`): those are split off as tokens of their own, so that the string
  // alone is reported (E0003), not an unclosed `{` at the end of the file, and the rest of the file
  // is still parsed. The trailing run of closers and blanks (past the opening quote) starts at
  // `start`, and its first closer is at `cut`.
  void split_unterminated(std::size_t begin, std::size_t end) {
    auto closer = [](unsigned char c) -> std::uint32_t {
      return c == '}' ? Tok::RBRACE : c == ']' ? Tok::RBRACKET : c == ')' ? Tok::RPAREN : 0;
    };
    std::size_t start = end;
    std::size_t cut = end;
    for (; start > begin + 1 &&
           (s_[start - 1] == ' ' || s_[start - 1] == '\t' || closer(s_[start - 1]) != 0);
         --start) {
      cut = closer(s_[start - 1]) != 0 ? start - 1 : cut;
    }
    emit(Tok::UNTERMINATED_STRING, 0, begin, cut == end ? end : start);
    for (std::size_t i = cut; i < end; ++i) {
      if (std::uint32_t type = closer(s_[i])) {
        emit(type, 0, i, i + 1);
      }
    }
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
      return token(Tok::NEWLINE, i + (c == '\r' && at(i + 1) == '\n' ? 2 : 1), kHidden);
    case '"':
      return string_piece(i, false);
    case '{':
      return token(Tok::LBRACE, i + 1);
    case '}':
      // Every tail rule comes before RBRACE and matches at least the `}`, so once the predicate
      // holds a `}` is never a brace.
      return closes_interpolation() ? string_piece(i, true) : token(Tok::RBRACE, i + 1);
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
    case '\'':
      if (std::size_t end = for_parser_ ? single_quoted(i) : 0) {
        return end;
      }
      break;
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

  // `'…'` on one line, holding nothing a double-quoted string would read otherwise: one E0002,
  // whose fix is the string in double quotes, and a STRING for the parser, so that a `'a b'` is
  // not also a syntax error. Returns where it ends, or 0 (not such a string: the `'` alone is
  // E0002).
  std::size_t single_quoted(std::size_t i) {
    std::size_t end = i + 1;
    while (end < n_ && s_[end] >= ' ' && s_[end] <= '~' && !std::strchr("'\"\\$(){}[]", s_[end])) {
      ++end;
    }
    if (at(end) != '\'') {
      return 0;
    }
    emit(Tok::STRING, 0, i, ++end);
    std::string quoted = fmt::format("\"{}\"", text_.substr(i + 1, end - i - 2));
    const Range where = range(out_.size() - 1);
    std::string hint = quoted.size() <= 42
                           ? fmt::format("`'`; strings use double quotes: `{}`", quoted)
                           : unexpected(where.begin);
    if (Diagnostic* d = sink_.report(Diag::UnexpectedCharacter, where, hint)) {
      d->fix(where, quoted);
    }
    return end;
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

  Range range(std::size_t i) const { return Range{file_, out_[i].begin, out_[i].end}; }
  std::string_view text(std::size_t i) const {
    return text_.substr(out_[i].begin, out_[i].end - out_[i].begin);
  }

  struct Frame {
    Opener kind;
    std::uint32_t token;       // the opener, or for an interpolation the latest `${`
    std::uint32_t origin;      // for an interpolation: the STRING_HEAD with the opening quote
    std::uint32_t pending = 0; // `?` inside this frame still waiting for their `:`
  };

  std::size_t nesting() const { return stack_.size() + pending_ + type_depth_; }

  void check_depth(std::size_t token) {
    if (!depth_reported_ && nesting() > limits::kMaxNesting) {
      depth_reported_ = true;
      ok_ = false;
      sink_.report(Diag::NestingTooDeep, range(token), limits::kMaxNesting);
    }
  }

  void push(Opener kind, std::size_t token) {
    auto index = static_cast<std::uint32_t>(token);
    interpolations_ += kind == Interpolation;
    stack_.push_back({kind, index, index});
    check_depth(token);
  }

  Frame pop() {
    Frame frame = stack_.back();
    stack_.pop_back();
    pending_ -= frame.pending;
    interpolations_ -= frame.kind == Interpolation;
    return frame;
  }

  // The `${` of an interpolation frame: the last two bytes of its HEAD or MID token.
  Range dollar_brace(const Frame& frame) const {
    Range r = range(frame.token);
    return Range{r.file, r.end - 2, r.end};
  }

  void report_unclosed(const Frame& frame, const std::string& before) {
    ok_ = false;
    if (frame.kind == Interpolation) {
      sink_.report(Diag::UnterminatedInterpolation, dollar_brace(frame));
    } else {
      sink_.report(Diag::UnclosedBracket, range(frame.token), kOpenText[frame.kind],
                   kCloseText[frame.kind], before);
    }
  }

  // Handles a closer of `kind` at `token`; returns the frame it closed, if any. A closer that
  // skips over open brackets closes them as unclosed; one that matches nothing is stray. Matching
  // never reaches across an interpolation's boundary, except by the `}` that ends it.
  std::optional<Frame> close(Opener kind, std::size_t token, bool pops = true) {
    Range at = range(token);
    // The innermost open frame of this kind, unless an interpolation (or none) comes first. In a
    // valid program it is the top frame.
    auto open = std::find_if(stack_.rbegin(), stack_.rend(), [&](const Frame& frame) {
      return frame.kind == kind || frame.kind == Interpolation;
    });
    if (open == stack_.rend() || open->kind != kind) {
      ok_ = false;
      const Frame* top = stack_.empty() ? nullptr : &stack_.back();
      Diagnostic* d = sink_.report(
          Diag::UnexpectedClosingBracket, Range{at.file, at.begin, at.begin + 1}, kCloseText[kind],
          top == nullptr ? fmt::format("; there is no open `{}`", kOpenText[kind])
                         : fmt::format("; expected `{}` to close `{}`", kCloseText[top->kind],
                                       kOpenText[top->kind]));
      if (d != nullptr && top != nullptr) {
        Range opener = top->kind == Interpolation ? dollar_brace(*top) : range(top->token);
        d->note(opener, fmt::format("`{}` is opened here", kOpenText[top->kind]));
      }
      return std::nullopt;
    }
    while (stack_.back().kind != kind) {
      report_unclosed(pop(), fmt::format("`{}`", kCloseText[kind]));
    }
    return pops ? pop() : stack_.back();
  }

  // The structure check of token `t`, just lexed (see fast_lexer.h); unless it is hidden, it is
  // out_'s last token.
  void check(const TokenInfo& t) {
    const std::size_t i = out_.size() - 1;
    if (t.type != Tok::ERROR_CHAR && run_) {
      flush_unexpected();
    }
    if (t.channel == 0 && t.type != kEofType) {
      if (is_string_piece(t.type)) {
        check_escapes(i);
      }
      track_type_context(t.type);
    }
    switch (t.type) {
    case Tok::ERROR_CHAR:
      unexpected_character(i);
      break;
    case Tok::HASH_COMMENT:
      sink_.report(Diag::UnexpectedCharacter, Range{file_, t.begin, t.begin + 1},
                   unexpected(t.begin));
      break;
    case Tok::UNTERMINATED_COMMENT:
      sink_.report(Diag::UnterminatedComment, Range{file_, t.begin, t.begin + 2});
      break;
    case Tok::NEWLINE:
      end_of_line();
      break;
    case kEofType:
      end_of_file();
      break;
    case Tok::LPAREN:
      push(Paren, i);
      break;
    case Tok::LBRACKET:
      push(Bracket, i);
      break;
    case Tok::LBRACE:
      push(Brace, i);
      break;
    case Tok::STRING_HEAD:
      push(Interpolation, i);
      break;
    case Tok::RPAREN:
      close(Paren, i);
      break;
    case Tok::RBRACKET:
      close(Bracket, i);
      break;
    case Tok::RBRACE:
      close(Brace, i);
      break;
    case Tok::STRING_MID:
      if (close(Interpolation, i, /*pops=*/false)) {
        stack_.back().token = static_cast<std::uint32_t>(i);
      }
      break;
    case Tok::STRING_TAIL:
      close(Interpolation, i);
      break;
    case Tok::UNTERMINATED_TAIL:
      if (auto frame = close(Interpolation, i)) {
        unterminated_string(frame->origin);
      }
      break;
    case Tok::UNTERMINATED_STRING:
      unterminated_string(i);
      break;
    case Tok::QUESTION:
      if (!stack_.empty()) {
        ++stack_.back().pending;
      }
      ++pending_;
      check_depth(i);
      break;
    case Tok::COLON:
      if (!stack_.empty() ? stack_.back().pending > 0 : pending_ > 0) {
        if (!stack_.empty()) {
          --stack_.back().pending;
        }
        --pending_;
      }
      break;
    case Tok::LT:
      if (in_type_) {
        ++type_depth_;
        check_depth(i);
      }
      break;
    case Tok::GT:
      if (in_type_ && type_depth_ > 0) {
        --type_depth_;
      }
      break;
    default:
      break;
    }
  }

  // A param type (`param x: list<list<int>>`) nests through `<`, which is no bracket elsewhere:
  // it starts at `param name :` and ends at any token but a name, `<` or `>`.
  void track_type_context(std::uint32_t type) {
    if (type == Tok::COLON && param_ == 2) {
      in_type_ = true;
    } else if (in_type_ && !TokenSet{Tok::IDENT, Tok::LT, Tok::GT}.has(type)) {
      in_type_ = false;
      type_depth_ = 0;
    }
    param_ = type == Tok::KW_PARAM ? 1 : type == Tok::IDENT && param_ == 1 ? 2 : 0;
  }

  void unterminated_string(std::size_t token) {
    Range r = range(token);
    sink_.report(Diag::UnterminatedString, Range{r.file, r.begin, r.begin + 1});
  }

  // A string ends at the end of its line, and so does every interpolation in it.
  void end_of_line() {
    while (interpolations_ > 0) {
      Frame frame = pop();
      if (frame.kind == Interpolation) {
        report_unclosed(frame, "");
      }
    }
  }

  void end_of_file() {
    if (depth_reported_) {
      ok_ = false; // every level beyond the limit is unclosed too; one error says enough
      return;
    }
    while (!stack_.empty()) {
      report_unclosed(pop(), "end of file");
    }
  }

  void check_escapes(std::size_t i) {
    std::string_view body = string_body(out_[i].type, text(i));
    std::vector<InvalidEscape> invalid;
    decode_escapes(body, &invalid);
    std::uint32_t base = out_[i].begin + 1; // bodies start one byte into the token
    for (const InvalidEscape& e : invalid) {
      sink_.report(Diag::InvalidEscape, Range{file_, base + e.offset, base + e.offset + e.length},
                   e.character);
    }
  }

  // The unexpected character at `offset`, as E0002 says it.
  std::string unexpected(std::uint32_t offset) const {
    std::string shown = describe_character(text_, offset);
    char32_t c = code_point_at(text_, offset).value;
    for (auto [hinted, hint] : kCharacterHints) {
      shown += c == hinted ? hint : "";
    }
    return shown;
  }

  // Runs of the same unexpected character are one error: a file of NUL bytes says so once.
  void unexpected_character(std::size_t i) {
    const TokenInfo& t = out_[i];
    if (run_ && run_->end == t.begin && text_.substr(run_->begin, t.end - t.begin) == text(i)) {
      run_->end = t.end;
      return;
    }
    flush_unexpected();
    run_ = range(i);
  }

  void flush_unexpected() {
    if (run_) {
      sink_.report(Diag::UnexpectedCharacter, *run_, unexpected(run_->begin));
      run_.reset();
    }
  }

  std::string_view text_;
  const unsigned char* s_;
  std::size_t n_;
  FileId file_;
  ErrorSink& sink_;
  bool for_parser_; // lex_for_parser's tokens
  const std::array<Punct, 128>& punct_ = punct_table();
  std::vector<TokenInfo> out_;
  // The structure check's state.
  std::vector<Frame> stack_;
  std::size_t interpolations_ = 0; // interpolation frames on stack_
  std::size_t pending_ = 0;        // all pending `?`
  std::size_t type_depth_ = 0;
  bool in_type_ = false;
  int param_ = 0; // 1 after `param`, 2 after `param name`
  bool depth_reported_ = false;
  bool ok_ = true;
  std::optional<Range> run_; // of unexpected characters, all the same
};
} // namespace

std::optional<std::vector<TokenInfo>> fast_lex(std::string_view text, FileId file,
                                               Diagnostics& diags) {
  if (!check_utf8(text, file, diags)) {
    return std::nullopt;
  }
  Diagnostics unwanted; // the structure is tracked for the `}`s, its errors are parse_file's
  ErrorSink sink(unwanted);
  return FastLexer(text, file, sink, /*for_parser=*/false).run();
}

std::optional<std::vector<TokenInfo>> lex_for_parser(std::string_view text, FileId file,
                                                     ErrorSink& sink, bool& parseable) {
  if (!check_utf8(text, file, sink.diagnostics())) {
    return std::nullopt;
  }
  FastLexer lexer(text, file, sink, /*for_parser=*/true);
  std::vector<TokenInfo> tokens = lexer.run();
  parseable = lexer.parseable();
  return tokens;
}

} // namespace ecl::syntax
