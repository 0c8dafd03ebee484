// The lexer differential: the hand-written fast_lex must produce exactly the tokens (type,
// channel, byte range) and the E0001 diagnostics of the ANTLR lexer generated from the grammar,
// which stays the oracle. Run by fuzz_check on every input.
#pragma once

#include "compiler/syntax/fast_lexer.h"
#include "compiler/syntax/limits.h"
#include "fuzz/fuzz_common.h"
#include "tests/oracle/antlr_lexer.h"

#include <string_view>

namespace ecl::fuzz {

inline void check_lexers(const std::uint8_t* data, std::size_t size) {
  if (size > limits::kMaxFileBytes) {
    return; // parse_file refuses such files before lexing
  }
  std::string_view text(reinterpret_cast<const char*>(data), size);
  Diagnostics fast_diags;
  Diagnostics antlr_diags;
  auto fast = syntax::fast_lex(text, 0, fast_diags);
  auto antlr = syntax::antlr_lex(text, 0, antlr_diags);
  if (fast.has_value() != antlr.has_value()) {
    fail("fast_lex and the ANTLR lexer disagree on whether the text is UTF-8");
  }
  if (fast && *fast != *antlr) {
    fail("fast_lex and the ANTLR lexer produce different tokens");
  }
  const auto& a = fast_diags.items();
  const auto& b = antlr_diags.items();
  if (a.size() != b.size()) {
    fail("fast_lex and decode_utf8 report a different number of diagnostics");
  }
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (a[i].kind != b[i].kind || !(a[i].range == b[i].range) || a[i].message != b[i].message) {
      fail("fast_lex and decode_utf8 report different diagnostics");
    }
  }
}

} // namespace ecl::fuzz
