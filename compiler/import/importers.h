// The importers behind `import_file`, one per source, each reading its file into a Program.
#pragma once

#include "compiler/diagnostics/source.h"
#include "compiler/import/program.h"

namespace ecl::import {

bool import_compose(const SourceFile& file, FileId id, Diagnostics& diags, Program& program);
bool import_task_definition(const SourceFile& file, FileId id, Diagnostics& diags,
                            Program& program);

} // namespace ecl::import
