// The importers behind `import_file`, one per source, each reading its file into a Program.
#pragma once

#include "compiler/diagnostics/source.h"
#include "compiler/import/import.h"
#include "compiler/import/program.h"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace ecl::import {

bool import_compose(const SourceFile& file, FileId id, Diagnostics& diags, Program& program);
bool import_task_definition(const SourceFile& file, FileId id, Diagnostics& diags,
                            Program& program);
bool import_copilot_program(const SourceManager& sources, const CopilotFiles& files,
                            const std::string& env, Diagnostics& diags, Program& program);

} // namespace ecl::import
