// A test's view of an AST (tests only): every field, ranges included, one node a line.
#pragma once

#include "compiler/syntax/ast.h"

#include <string>

namespace ecl::ast {

// What tests compare to show that two ways of parsing the same text built the same tree.
std::string debug_dump(const File& file);

} // namespace ecl::ast
