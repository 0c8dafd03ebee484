// textDocument/codeAction: the fixes the checker attached to its diagnostics, as quick fixes.
#include "compiler/lsp/features.h"

namespace ecl::lsp {

using nlohmann::json;

json code_actions(const Analysis& a, FileId file, std::uint32_t begin, std::uint32_t end,
                  const LocationOf& location) {
  json out = json::array();
  json diagnostics = diagnostics_json(a, file, location);
  std::size_t index = 0; // of the diagnostic among those of `file`, as diagnostics_json lists them
  for (const Diagnostic& d : a.diagnostics().items()) {
    bool here = d.range.file == file || (!d.range.valid() && file == 0);
    if (!here) {
      continue;
    }
    const json& lsp_diagnostic = diagnostics[index++];
    // The diagnostics the cursor or selection touches.
    if (d.fixes.empty() || d.range.end < begin || d.range.begin > end) {
      continue;
    }
    for (const Fix& fix : d.fixes) {
      json loc = location(fix.range);
      json changes = json::object();
      changes[loc["uri"].get<std::string>()] =
          json::array({{{"range", loc["range"]}, {"newText", fix.text}}});
      out.push_back({{"title", fix.title},
                     {"kind", "quickfix"},
                     {"diagnostics", json::array({lsp_diagnostic})},
                     {"isPreferred", d.fixes.size() == 1},
                     {"edit", {{"changes", std::move(changes)}}}});
    }
  }
  return out;
}

} // namespace ecl::lsp
