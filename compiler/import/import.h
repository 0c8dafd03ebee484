// `eclc import`: programs written from what a team already has. Each importer reads one source
// (a docker compose file, a task definition's JSON) into an `ecl::import::Program`, which
// `write_program` turns into ECL text laid out by the formatter (compiler/format).
//
// source file → (yaml-cpp / nlohmann::json) → import::Program → ECL text → format_file → `.ecl`
//
// What the source says that ECL cannot express is never dropped: it becomes a `// TODO` comment
// where it belongs and a W0017 warning at the source's line. Malformed input is E0030, input of
// the wrong shape E0031, both with the file's line and column; nothing is written then.
#pragma once

#include "compiler/diagnostics/diagnostic.h"

#include <string>

namespace ecl::import {

enum class Source { Compose, TaskDefinition };

// Imports file `id` of `sources` as a `source` and writes the formatted program into `out`.
// Returns false (with errors in `diags`) when nothing could be imported; warnings say what was
// left as TODOs. Never throws.
bool import_file(Source source, const SourceManager& sources, FileId id, Diagnostics& diags,
                 std::string& out);

} // namespace ecl::import
