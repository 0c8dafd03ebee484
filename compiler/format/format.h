// The formatter behind `eclc fmt` and the language server's formatting: one canonical layout for
// ECL source, comments kept.
//
// The layout: two spaces of indent per block; one item (attribute, nested block, param, let,
// output) a line; one space around `=` and binary operators; a list, object or call stays on one
// line when it fits in kLineWidth columns and holds no comment, otherwise it is broken one entry a
// line with a trailing comma; empty blocks are `{}`; at most one blank line is kept where the
// source had some between items; the file ends with one line break. Formatting is idempotent.
#pragma once

#include "compiler/diagnostics/diagnostic.h"
#include "compiler/syntax/limits.h"

#include <string>
#include <vector>

namespace ecl::format {

// Lists, objects and calls longer than this many columns are broken one entry a line.
inline constexpr std::size_t kLineWidth = 100;

// Formats file `id` of `sources` into `out`. A file with syntax errors is not formatted: they are
// reported to `diags` and the result is false, as it is when the result would be larger than
// `max_bytes` (E0013: eclc could not read it back). Never throws.
bool format_file(const SourceManager& sources, FileId id, Diagnostics& diags, std::string& out,
                 std::size_t max_bytes = limits::kMaxFileBytes);

// The files `eclc fmt PATH` covers: PATH itself when it is a file; the `.ecl` files under it,
// recursively and in name order (hidden directories skipped), when it is a directory. Returns false
// when PATH cannot be read.
bool collect_files(const std::string& path, std::vector<std::string>& files);

} // namespace ecl::format
