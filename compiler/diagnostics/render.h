// One diagnostic, several renderings: terminal text with carets, and JSON for tools. (The LSP
// rendering lives with the language server and converts columns to UTF-16 there.)
#pragma once

#include "compiler/diagnostics/diagnostic.h"

#include <nlohmann/json.hpp>
#include <string>

namespace ecl {

struct TextStyle {
  bool color = false; // ANSI colours, for a terminal
};

// `file:line:col: severity[CODE]: message`, the source line, carets under the range, notes.
std::string render_text(const Diagnostics& diags, const SourceManager& sources,
                        TextStyle style = {});
// A JSON array: file, range {start, end} as 1-based line/column (end exclusive), severity, code,
// message, notes. Every string in it is valid UTF-8 (invalid bytes in a path or message become
// U+FFFD), so dumping it never throws.
nlohmann::ordered_json render_json(const Diagnostics& diags, const SourceManager& sources);
// A SARIF 2.1.0 log (one run; every code of the table as a rule with its explanation) for
// code-scanning tools. Columns count code points (`columnKind`), as the text and JSON do.
nlohmann::ordered_json render_sarif(const Diagnostics& diags, const SourceManager& sources,
                                    std::string_view version);

} // namespace ecl
