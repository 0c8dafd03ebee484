// The checker: AST in, checked model out. Resolves names and references, folds every value into
// canonical units, checks it against the schema, fills in defaults and runs the AWS rules.
#pragma once

#include "compiler/diagnostics/diagnostic.h"
#include "compiler/model/model.h"
#include "compiler/schema/schema.h"
#include "compiler/syntax/ast.h"

#include <memory>
#include <string>
#include <vector>

namespace ecl::check {

// `-p name=value` from the command line.
struct ParamOverride {
  std::string name;
  std::string value;
  std::string file = {}; // the `--params` file it came from; "" for a `-p`
};

struct Options {
  std::vector<ParamOverride> params;
  // Record what every name resolved to in model::Program::references (the language server).
  bool record_references = false;
};

// One instance of a module, `module api { source = "./modules/service" … }`, as the driver loaded
// it (driver::load_modules): the module's files, read and parsed again for this instance, so that
// every range in them (and every diagnostic) belongs to one instance.
struct ModuleInstance {
  static constexpr std::size_t kProgram = static_cast<std::size_t>(-1);
  const ast::Block* syntax = nullptr; // the `module` block, in a file of `outer`
  std::size_t outer = kProgram;       // the instance whose file holds `syntax`, or the program
  std::string directory;              // the module's directory, as the program reaches it
  std::vector<std::size_t> files;     // indices into Modules::asts, in name order
};

// Every module instance of a program, callers before the instances they write.
struct Modules {
  std::vector<ast::File> asts;
  std::vector<ModuleInstance> instances;
};

// Checks the program made of `files` (one namespace, in the order given) and the module instances
// in `modules` (null: none). The model is complete only when `diags` has no error; with errors it
// holds what could be checked (null values where an error was reported), which is enough for an
// editor.
std::unique_ptr<model::Program> check(const std::vector<ast::File>& files,
                                      const SourceManager& sources, const Options& options,
                                      Diagnostics& diags, const Modules* modules = nullptr);
// The same for a caller that reads the program's syntax trees no more (a one-shot command): the
// checker takes them and frees each block's syntax once the block is evaluated, so that the
// model takes its room instead of adding to it (the modules' trees stay the caller's).
std::unique_ptr<model::Program> check(std::vector<ast::File>&& files, const SourceManager& sources,
                                      const Options& options, Diagnostics& diags,
                                      const Modules* modules = nullptr);

// The schema type of a param declared `type` (`list<subnet>`: a list of references to subnets):
// what the checker holds its value to, and what the editor completes an argument for it with.
const schema::Type* param_type(const ast::Type& type);

} // namespace ecl::check
