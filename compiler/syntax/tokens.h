// The token stream of one file, comments and line breaks included, for tools that work on the
// text itself (the formatter, the language server's completion). No ANTLR type leaves this header.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace ecl::syntax {

enum class TokenKind : std::uint8_t {
  Identifier,   // `subnet`, `main`, `cidr`
  Keyword,      // `param`, `let`, `output`, `true`, `false`
  Number,       // `3`, `0.25vcpu`, `512MiB`
  String,       // `"api"`, and an unterminated `"api`
  StringHead,   // `"${env}-api"` is StringHead `"${`, tokens of `env`, StringTail `}-api"`
  StringMid,    // `}…${` between two interpolations
  StringTail,   // `}…"`, and an unterminated `}…`
  Punct,        // `{ } [ ] ( ) , . : ? = == != < <= > >= && || ! + - * / %`
  LineComment,  // `// …` (without the line break)
  BlockComment, // `/* … */`, and an unterminated `/* …` running to the end of the file
  Newline,      // `\n`, `\r\n` or `\r`
  Error,        // a character no rule matches, or a `#` comment: the parser never sees these
};

// One token: its kind, its byte range [begin, end) and its text (a view into the lexed text).
struct Token {
  TokenKind kind;
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  std::string_view text;

  bool is_punct(std::string_view p) const { return kind == TokenKind::Punct && text == p; }
  bool is_comment() const {
    return kind == TokenKind::LineComment || kind == TokenKind::BlockComment;
  }
  // Tokens the parser reads (not comments, line breaks or error characters).
  bool is_significant() const {
    return !is_comment() && kind != TokenKind::Newline && kind != TokenKind::Error;
  }
};

// Lexes `text` exactly as parse_file does and returns every token in source order (white space
// other than line breaks is skipped; no end-of-file token). Returns nullopt when the text is not
// valid UTF-8 or larger than limits::kMaxFileBytes. The views point into `text`.
std::optional<std::vector<Token>> lex(std::string_view text);

} // namespace ecl::syntax
