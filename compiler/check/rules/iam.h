// What the IAM rules share: every policy statement of the program (a `role`'s `statements`, a
// task's `execution_statements`) with a name for messages, and IAM's wildcard match.
#pragma once

#include "compiler/model/model.h"

#include <string>
#include <string_view>
#include <vector>

namespace ecl::check::iam {

struct Statement {
  const model::Block* block; // the role or the task
  const model::Value* value; // the statement object
  std::string owner;         // "role `app`", "the execution role of task `api`"
};

// Every statement of the program, roles first, in source order.
std::vector<Statement> statements(const model::Program& program);

// The strings of a statement's list field (`actions`, `resources`), with their values; deferred
// entries are skipped.
std::vector<const model::Value*> strings_of(const model::Value& statement, std::string_view field);

// IAM's match of an action pattern (`*` any run, `?` one character, case-insensitive) against a
// name.
bool wildcard_match(std::string_view pattern, std::string_view name);

// Whether a `role` block's own statements allow `action` (an `allow` statement with an action
// pattern matching it); its managed policies are not read.
bool allows(const model::Block& role, std::string_view action);

// Whether eclc can read everything a `role` block allows: it has no managed policies and is not
// made elsewhere (`existing`).
bool readable(const model::Block& role);

} // namespace ecl::check::iam
