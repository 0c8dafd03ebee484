#include "compiler/syntax/prepass.h"

#include "compiler/syntax/decode.h"

#include <algorithm>
#include <array>
#include <optional>
#include <utility>

namespace ecl::syntax {
namespace {

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

class Scanner {
public:
  Scanner(const TokenTable& tokens, ErrorSink& sink) : tokens_(tokens), sink_(sink) {}

  bool run() {
    for (std::size_t i = 0; i < tokens_.size() && !sink_.stopped(); ++i) {
      const TokenInfo& t = tokens_[i];
      if (t.type != Tok::ERROR_CHAR) {
        flush_unexpected();
      }
      switch (t.type) {
      case Tok::ERROR_CHAR:
        unexpected_character(i);
        continue;
      case Tok::HASH_COMMENT:
        sink_.report(Diag::UnexpectedCharacter, Range{tokens_.file(), t.begin, t.begin + 1},
                     unexpected(t.begin));
        continue;
      case Tok::UNTERMINATED_COMMENT:
        sink_.report(Diag::UnterminatedComment, Range{tokens_.file(), t.begin, t.begin + 2});
        continue;
      case Tok::NEWLINE:
        end_of_line();
        continue;
      case Tok::LINE_COMMENT:
      case Tok::BLOCK_COMMENT:
        continue;
      case kEofType:
        end_of_file();
        continue;
      default:
        break;
      }
      if (is_string_piece(t.type)) {
        check_escapes(i);
      }
      track_type_context(t.type);
      structure(i);
    }
    flush_unexpected();
    return ok_ && !sink_.stopped();
  }

private:
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
      sink_.report(Diag::NestingTooDeep, tokens_.range(token), limits::kMaxNesting);
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
    Range r = tokens_.range(frame.token);
    return Range{r.file, r.end - 2, r.end};
  }

  void report_unclosed(const Frame& frame, const std::string& before) {
    ok_ = false;
    if (frame.kind == Interpolation) {
      sink_.report(Diag::UnterminatedInterpolation, dollar_brace(frame));
    } else {
      sink_.report(Diag::UnclosedBracket, tokens_.range(frame.token), kOpenText[frame.kind],
                   kCloseText[frame.kind], before);
    }
  }

  // Handles a closer of `kind` at `token`; returns the frame it closed, if any. A closer that
  // skips over open brackets closes them as unclosed; one that matches nothing is stray. Matching
  // never reaches across an interpolation's boundary, except by the `}` that ends it.
  std::optional<Frame> close(Opener kind, std::size_t token, bool pops = true) {
    Range at = tokens_.range(token);
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
        Range opener = top->kind == Interpolation ? dollar_brace(*top) : tokens_.range(top->token);
        d->note(opener, fmt::format("`{}` is opened here", kOpenText[top->kind]));
      }
      return std::nullopt;
    }
    while (stack_.back().kind != kind) {
      report_unclosed(pop(), fmt::format("`{}`", kCloseText[kind]));
    }
    return pops ? pop() : stack_.back();
  }

  void structure(std::size_t i) {
    const TokenInfo& t = tokens_[i];
    switch (t.type) {
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

  // A param type (`param x: list<list<int>>`) nests through `<`, which is no bracket elsewhere.
  void track_type_context(std::uint32_t type) {
    if (type == Tok::COLON && prev_[0] == Tok::IDENT && prev_[1] == Tok::KW_PARAM) {
      in_type_ = true;
    } else if (in_type_ && type != Tok::IDENT && type != Tok::LT && type != Tok::GT) {
      in_type_ = false;
      type_depth_ = 0;
    }
    prev_[1] = prev_[0];
    prev_[0] = type;
  }

  void unterminated_string(std::size_t token) {
    Range r = tokens_.range(token);
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
    std::string_view body = string_body(tokens_[i].type, tokens_.text(i));
    std::vector<InvalidEscape> invalid;
    decode_escapes(body, &invalid);
    std::uint32_t base = tokens_[i].begin + 1; // bodies start one byte into the token
    for (const InvalidEscape& e : invalid) {
      sink_.report(Diag::InvalidEscape,
                   Range{tokens_.file(), base + e.offset, base + e.offset + e.length}, e.character);
    }
  }

  // The unexpected character at `offset`, as E0002 says it.
  std::string unexpected(std::uint32_t offset) const {
    std::string shown = describe_character(tokens_.source(), offset);
    char32_t c = code_point_at(tokens_.source(), offset).value;
    for (auto [hinted, hint] : kCharacterHints) {
      shown += c == hinted ? hint : "";
    }
    return shown;
  }

  // Runs of the same unexpected character are one error: a file of NUL bytes says so once.
  void unexpected_character(std::size_t i) {
    const TokenInfo& t = tokens_[i];
    if (run_ && run_->end == t.begin &&
        tokens_.source().substr(run_->begin, t.end - t.begin) == tokens_.text(i)) {
      run_->end = t.end;
      return;
    }
    flush_unexpected();
    run_ = tokens_.range(i);
  }

  void flush_unexpected() {
    if (run_) {
      sink_.report(Diag::UnexpectedCharacter, *run_, unexpected(run_->begin));
      run_.reset();
    }
  }

  const TokenTable& tokens_;
  ErrorSink& sink_;
  std::vector<Frame> stack_;
  std::size_t interpolations_ = 0; // interpolation frames on stack_
  std::size_t pending_ = 0;        // all pending `?`
  std::size_t type_depth_ = 0;
  bool in_type_ = false;
  std::array<std::uint32_t, 2> prev_{}; // the two previous structural token types
  bool depth_reported_ = false;
  bool ok_ = true;
  std::optional<Range> run_; // of unexpected characters, all the same
};

} // namespace

bool scan_tokens(const TokenTable& tokens, ErrorSink& sink) {
  return Scanner(tokens, sink).run();
}

void split_unterminated_strings(std::vector<TokenInfo>& tokens, std::string_view text) {
  auto closer = [](char c) -> std::uint32_t {
    return c == '}' ? Tok::RBRACE : c == ']' ? Tok::RBRACKET : c == ')' ? Tok::RPAREN : 0;
  };
  std::vector<TokenInfo> out;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const TokenInfo& t = tokens[i];
    // The trailing run of closers and blanks (past the opening quote) starts at `start`, and its
    // first closer is at `cut`.
    std::uint32_t start = t.end;
    std::uint32_t cut = t.end;
    for (; t.type == Tok::UNTERMINATED_STRING && start > t.begin + 1; --start) {
      char c = text[start - 1];
      if (c != ' ' && c != '\t' && !closer(c)) {
        break;
      }
      cut = closer(c) ? start - 1 : cut;
    }
    if (cut == t.end) {
      if (!out.empty()) {
        out.push_back(t);
      }
      continue;
    }
    if (out.empty()) { // the first split: copy what came before
      out.assign(tokens.begin(), tokens.begin() + static_cast<std::ptrdiff_t>(i));
    }
    out.push_back(TokenInfo{t.type, t.channel, t.begin, start});
    for (std::uint32_t at = cut; at < t.end; ++at) {
      if (std::uint32_t type = closer(text[at])) {
        out.push_back(TokenInfo{type, t.channel, at, at + 1});
      }
    }
  }
  if (!out.empty()) {
    tokens = std::move(out);
  }
}

} // namespace ecl::syntax
