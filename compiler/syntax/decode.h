// Text-level helpers of the syntax layer (private to compiler/syntax): UTF-8 validation and
// decoding, the escapes of string literals, and how a character is shown in a message.
#pragma once

#include "compiler/diagnostics/diagnostic.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace ecl::syntax {

// Reports each place where `text` is not UTF-8 as E0001, at the offending byte: overlong forms,
// surrogates, values above U+10FFFF, stray continuation bytes and truncated sequences (at most 10:
// after that the file is clearly not text). True when there is none.
bool check_utf8(std::string_view text, FileId file, Diagnostics& diags);

// The code point starting at `text[offset]` of valid UTF-8, and its length in bytes.
struct CodePoint {
  char32_t value = 0;
  std::uint32_t length = 1;
};
CodePoint code_point_at(std::string_view text, std::size_t offset);

// The character starting at `text[offset]` (valid UTF-8) as messages show it: "`#`",
// "`é` (U+00E9)", or "U+0000" for control and invisible characters.
std::string describe_character(std::string_view text, std::size_t offset);

// An escape the language does not define, found by decode_escapes: `\q` at `offset` (bytes into
// the raw text, pointing at the backslash), `length` bytes long; `character` is what followed the
// backslash, as messages show it.
struct InvalidEscape {
  std::uint32_t offset = 0;
  std::uint32_t length = 0;
  std::string character;
};

// Decodes the raw text between a string's delimiters: `\" \\ \n \t \r \$`. Unknown escapes are
// kept as written and listed in `invalid` when it is not null.
std::string decode_escapes(std::string_view raw, std::vector<InvalidEscape>* invalid);

} // namespace ecl::syntax
