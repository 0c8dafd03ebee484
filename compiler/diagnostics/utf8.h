// Making arbitrary bytes safe for JSON. Source text is checked UTF-8 (E0001), but file paths are
// whatever bytes the file system holds, and a message may quote a cut-off piece of text; a JSON
// writer (nlohmann's dump) throws on invalid UTF-8, so every string headed for JSON passes here.
#pragma once

#include <string>
#include <string_view>

namespace ecl {

// `text` with each ill-formed UTF-8 sequence replaced by U+FFFD, one per maximal subpart as
// Unicode recommends (so a multi-byte character cut short becomes one U+FFFD, a stray byte one
// each). Overlong forms, surrogates and code points above U+10FFFF are ill-formed too. Valid text
// comes back unchanged.
std::string replace_invalid_utf8(std::string_view text);

} // namespace ecl
