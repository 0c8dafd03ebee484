// The checker: AST in, checked model out. Resolves names and references, folds every value into
// canonical units, checks it against the schema, fills in defaults and runs the AWS rules.
#pragma once

#include "compiler/diagnostics/diagnostic.h"
#include "compiler/model/model.h"
#include "compiler/syntax/ast.h"

#include <memory>
#include <string>
#include <vector>

namespace ecl::check {

// `-p name=value` from the command line.
struct ParamOverride {
  std::string name;
  std::string value;
};

struct Options {
  std::vector<ParamOverride> params;
  // Record what every name resolved to in model::Program::references (the language server).
  bool record_references = false;
};

// Checks the program made of `files` (one namespace, in the order given). The model is complete
// only when `diags` has no error; with errors it holds what could be checked (null values where
// an error was reported), which is enough for an editor.
std::unique_ptr<model::Program> check(const std::vector<ast::File>& files,
                                      const SourceManager& sources, const Options& options,
                                      Diagnostics& diags);

} // namespace ecl::check
