#include "compiler/syntax/decode.h"

#include <algorithm>
#include <cstring>
#include <fmt/format.h>

namespace ecl::syntax {
namespace {

bool is_continuation(unsigned char byte) {
  return (byte & 0xC0) == 0x80;
}

// The length of the well-formed UTF-8 sequence starting at `text[i]`, or 0 when there is none
// (Unicode 15, table 3-7: no overlong forms, surrogates or values above U+10FFFF).
std::size_t utf8_sequence_length(std::string_view text, std::size_t i) {
  auto byte = [&](std::size_t k) -> unsigned {
    return i + k < text.size() ? static_cast<unsigned char>(text[i + k]) : 0x100;
  };
  unsigned b0 = byte(0);
  if (b0 < 0x80) {
    return 1;
  }
  auto in = [](unsigned b, unsigned lo, unsigned hi) { return b >= lo && b <= hi; };
  if (in(b0, 0xC2, 0xDF)) {
    return in(byte(1), 0x80, 0xBF) ? 2 : 0;
  }
  if (in(b0, 0xE0, 0xEF)) {
    unsigned lo = b0 == 0xE0 ? 0xA0 : 0x80; // 0xE0 0x80..0x9F would be overlong
    unsigned hi = b0 == 0xED ? 0x9F : 0xBF; // 0xED 0xA0..0xBF are the surrogates
    return in(byte(1), lo, hi) && in(byte(2), 0x80, 0xBF) ? 3 : 0;
  }
  if (in(b0, 0xF0, 0xF4)) {
    unsigned lo = b0 == 0xF0 ? 0x90 : 0x80; // 0xF0 0x80..0x8F would be overlong
    unsigned hi = b0 == 0xF4 ? 0x8F : 0xBF; // 0xF4 0x90.. is above U+10FFFF
    return in(byte(1), lo, hi) && in(byte(2), 0x80, 0xBF) && in(byte(3), 0x80, 0xBF) ? 4 : 0;
  }
  return 0; // 0x80..0xC1 (stray continuation, overlong lead) and 0xF5..0xFF never start one
}

} // namespace

bool check_utf8(std::string_view text, FileId file, Diagnostics& diags) {
  constexpr std::size_t kMaxErrors = 10;
  std::size_t errors = 0;
  std::size_t i = 0;
  while (i < text.size() && errors < kMaxErrors) {
    // ASCII, almost all of a program, is skipped eight bytes at a time.
    if (text.size() - i >= 8) {
      std::uint64_t word = 0;
      std::memcpy(&word, text.data() + i, 8);
      if ((word & 0x8080808080808080ull) == 0) {
        i += 8;
        continue;
      }
    }
    if (std::size_t length = utf8_sequence_length(text, i)) {
      i += length;
      continue;
    }
    auto offset = static_cast<std::uint32_t>(i);
    diags.report(Diag::InvalidUtf8, Range{file, offset, offset + 1},
                 static_cast<unsigned>(static_cast<unsigned char>(text[i])));
    ++errors;
    // Resynchronise at the next byte that can start a character, so one broken sequence is one
    // error.
    ++i;
    while (i < text.size() && is_continuation(static_cast<unsigned char>(text[i]))) {
      ++i;
    }
  }
  return errors == 0;
}

CodePoint code_point_at(std::string_view text, std::size_t offset) {
  auto b = [&](std::size_t k) -> char32_t {
    return offset + k < text.size() ? static_cast<unsigned char>(text[offset + k]) : 0;
  };
  char32_t b0 = b(0);
  if (b0 < 0x80) {
    return {b0, 1};
  }
  if (b0 < 0xE0) {
    return {((b0 & 0x1F) << 6) | (b(1) & 0x3F), 2};
  }
  if (b0 < 0xF0) {
    return {((b0 & 0x0F) << 12) | ((b(1) & 0x3F) << 6) | (b(2) & 0x3F), 3};
  }
  return {((b0 & 0x07) << 18) | ((b(1) & 0x3F) << 12) | ((b(2) & 0x3F) << 6) | (b(3) & 0x3F), 4};
}

std::string describe_character(std::string_view text, std::size_t offset) {
  auto [c, length] = code_point_at(text, offset);
  bool invisible = c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0) || c == 0xAD ||
                   (c >= 0x200B && c <= 0x200F) || (c >= 0x2028 && c <= 0x202E) ||
                   (c >= 0x2060 && c <= 0x2064) || c == 0xFEFF || c == 0x3000 ||
                   (c >= 0x2000 && c <= 0x200A) || c == 0xA0;
  auto code = static_cast<std::uint32_t>(c);
  if (invisible) {
    return fmt::format("U+{:04X}", code);
  }
  if (c == U'`') {
    return "`` ` ``";
  }
  std::string shown = fmt::format("`{}`", text.substr(offset, length));
  if (c >= 0x80) {
    shown += fmt::format(" (U+{:04X})", code);
  }
  return shown;
}

std::string decode_escapes(std::string_view raw, std::vector<InvalidEscape>* invalid) {
  std::string out;
  out.reserve(raw.size());
  for (std::size_t i = 0;;) {
    // The plain run up to the next backslash, in one append.
    std::size_t slash = std::min(raw.find('\\', i), raw.size());
    out.append(raw.substr(i, slash - i));
    i = slash;
    if (i + 1 >= raw.size()) {
      return out; // the end, or a lone backslash ending an unterminated string (reported as such)
    }
    // `\"`, `\\` and `\$` stand for themselves; `\n`, `\t` and `\r` for the control characters.
    constexpr std::string_view kEscaped = "\"\\$ntr", kMeant = "\"\\$\n\t\r";
    if (std::size_t k = kEscaped.find(raw[i + 1]); k != std::string_view::npos) {
      out.push_back(kMeant[k]);
      i += 2;
      continue;
    }
    CodePoint cp = code_point_at(raw, i + 1);
    if (invalid != nullptr) {
      bool printable = cp.value >= 0x20 && cp.value != 0x7F && cp.value != U'`';
      invalid->push_back({static_cast<std::uint32_t>(i), 1 + cp.length,
                          printable
                              ? std::string(raw.substr(i + 1, cp.length))
                              : fmt::format("U+{:04X}", static_cast<std::uint32_t>(cp.value))});
    }
    out.append(raw.substr(i, 1 + cp.length));
    i += 1 + cp.length;
  }
}

} // namespace ecl::syntax
