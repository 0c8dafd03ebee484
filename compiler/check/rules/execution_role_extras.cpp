// `execution_policies` and `execution_statements` extend the generated execution role, so a task
// that names its own `execution_role` cannot have them (E3407).
#include "compiler/check/rules/rule.h"

namespace ecl::check {
namespace execution_role_extras_rule {
namespace {

void run(RuleContext& c) {
  for (const model::Block* task : c.program.of_kind("task")) {
    if (!task->get("execution_role")) {
      continue;
    }
    for (std::string_view attribute : {"execution_policies", "execution_statements"}) {
      const model::Value* v = task->get(attribute);
      const model::List* list = v ? v->as<model::List>() : nullptr;
      if (list && !list->empty()) {
        c.diags.report(Diag::ExecutionExtrasWithOwnRole, v->range, task->path, attribute);
      }
    }
  }
}

} // namespace
} // namespace execution_role_extras_rule

extern const Rule kExecutionRoleExtrasRule;
const Rule kExecutionRoleExtrasRule{
    "execution-role-extras",
    "extra execution policies go on the generated execution role only",
    "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_execution_IAM_role.html",
    {Diag::ExecutionExtrasWithOwnRole},
    execution_role_extras_rule::run};

} // namespace ecl::check
