// `eclc import`: programs written from what a team already has. Each importer reads one source
// (a docker compose file, a task definition's JSON, a Copilot workspace's manifests) into an
// `ecl::import::Program`, which `write_program` turns into ECL text laid out by the formatter.
//
// source file → (yaml-cpp / nlohmann::json) → import::Program → ECL text → format_file → `.ecl`
//
// What the source says that ECL cannot express is never dropped: it becomes a `// TODO` comment
// where it belongs and a W0017 warning at the source's line. Malformed input is E0030, input of
// the wrong shape E0031, both with the file's line and column; nothing is written then.
#pragma once

#include "compiler/diagnostics/diagnostic.h"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace ecl::import {

enum class Source { Compose, TaskDefinition };

// Imports file `id` of `sources` as a `source` and writes the formatted program into `out`.
// Returns false (with errors in `diags`) when nothing could be imported; warnings say what was
// left as TODOs. Never throws.
bool import_file(Source source, const SourceManager& sources, FileId id, Diagnostics& diags,
                 std::string& out);

// A Copilot workspace on disk: DIR, or DIR/copilot when DIR is the repository holding it.
struct CopilotWorkspace {
  std::string workspace;                 // `.workspace` (the application's name), or ""
  std::vector<std::string> environments; // environments/NAME/manifest.yml, in name order
  std::vector<std::string> workloads;    // NAME/manifest.yml, in name order
  std::vector<std::string> unread;       // addons and pipelines, which the import does not read
};
// The workspace at `dir`; `error` says why there is none.
CopilotWorkspace copilot_workspace(const std::string& dir, std::string& error);

// Those files, read into a SourceManager: the environment's manifest (none: Copilot's default
// network), the workloads' with their folders' names, and what is not read with the file a
// warning about it is reported at.
struct CopilotFiles {
  std::optional<FileId> workspace, environment;
  std::vector<std::pair<FileId, std::string>> workloads, unread;
};

// Imports the workspace for environment `env` (its overrides applied) and writes the formatted
// program into `out`, as `import_file` does.
bool import_copilot(const SourceManager& sources, const CopilotFiles& files, const std::string& env,
                    Diagnostics& diags, std::string& out);

} // namespace ecl::import
