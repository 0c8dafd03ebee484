#include "compiler/import/import.h"

#include "compiler/import/importers.h"

#include <exception>

namespace ecl::import {

bool import_file(Source source, const SourceManager& sources, FileId id, Diagnostics& diags,
                 std::string& out) {
  const SourceFile& file = sources.file(id);
  Program program;
  bool read = false;
  try {
    read = source == Source::Compose ? import_compose(file, id, diags, program)
                                     : import_task_definition(file, id, diags, program);
  } catch (const std::exception& e) {
    // A library's surprise (yaml-cpp's conversions, nlohmann's type errors) is the input's
    // shape, not a crash.
    diags.report(Diag::ImportWrongShape, Range{id, 0, 0}, e.what());
    read = false;
  }
  return read && !diags.has_errors() && write_program(program, diags, out);
}

} // namespace ecl::import
