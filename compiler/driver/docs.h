// Documentation generated from the tables that are the truth: the diagnostic table, the rules, the
// schema and the built-in functions. Tests fail when the checked-in docs are stale.
#pragma once

#include <optional>
#include <string>

namespace ecl::docs {

// The whole of docs/diagnostics.md.
std::string diagnostics_markdown();
// The kinds, attributes and functions: the generated part of docs/language.md.
std::string reference_markdown();
// Replaces what stands between `<!-- BEGIN GENERATED: name -->` and `<!-- END GENERATED: name -->`
// in `document`; nullopt when the markers are missing.
std::optional<std::string> replace_section(const std::string& document, const std::string& name,
                                           const std::string& content);

} // namespace ecl::docs
