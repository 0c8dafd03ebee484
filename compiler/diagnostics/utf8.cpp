#include "compiler/diagnostics/utf8.h"

namespace ecl {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD"; // U+FFFD

// The length of a well-formed sequence starting at text[i], or 0 when there is none; `subpart`
// is then how many bytes the maximal ill-formed subpart covers (at least 1), per the table of
// well-formed byte sequences in the Unicode standard (3.9, table 3-7).
std::size_t well_formed(std::string_view text, std::size_t i, std::size_t& subpart) {
  auto lead = static_cast<unsigned char>(text[i]);
  subpart = 1;
  if (lead < 0x80) {
    return 1;
  }
  std::size_t trailing = 0;
  unsigned char low = 0x80, high = 0xBF; // the range of the first trailing byte
  if (lead >= 0xC2 && lead <= 0xDF) {
    trailing = 1;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    trailing = 2;
    low = lead == 0xE0 ? 0xA0 : 0x80;  // no overlong forms
    high = lead == 0xED ? 0x9F : 0xBF; // no surrogates
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    trailing = 3;
    low = lead == 0xF0 ? 0x90 : 0x80;  // no overlong forms
    high = lead == 0xF4 ? 0x8F : 0xBF; // nothing above U+10FFFF
  } else {
    return 0; // 0x80-0xC1 and 0xF5-0xFF never start a character
  }
  for (std::size_t k = 1; k <= trailing; ++k) {
    if (i + k >= text.size()) {
      return 0;
    }
    auto c = static_cast<unsigned char>(text[i + k]);
    if (c < low || c > high) {
      return 0; // this byte is looked at again as the start of what follows
    }
    low = 0x80;
    high = 0xBF;
    subpart = k + 1;
  }
  return trailing + 1;
}

} // namespace

std::string replace_invalid_utf8(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t subpart = 1;
    if (std::size_t n = well_formed(text, i, subpart)) {
      out.append(text.substr(i, n));
      i += n;
    } else {
      out.append(kReplacement);
      i += subpart;
    }
  }
  return out;
}

} // namespace ecl
