// A `role` block a task names as its `task_role` or `execution_role` is assumed by
// `ecs-tasks.amazonaws.com` (E3409): ECS assumes it as that principal.
#include "compiler/check/rules/rule.h"

namespace ecl::check {
namespace task_role_trust_rule {
namespace {

void run(RuleContext& c) {
  for (const model::Block* task : c.program.of_kind("task")) {
    for (std::string_view attribute : {"task_role", "execution_role"}) {
      const model::Value* v = task->get(attribute);
      const model::Block* role = v ? v->block() : nullptr;
      const model::Value* trusted = role ? role->get("assumed_by") : nullptr;
      const model::List* list = trusted ? trusted->as<model::List>() : nullptr;
      if (!list || list->empty()) {
        continue; // nobody at all is E3404's
      }
      bool ecs = false;
      for (const model::Value& principal : *list) {
        const std::string* text = principal.string();
        ecs = ecs || !text || *text == "ecs-tasks.amazonaws.com";
      }
      if (!ecs) {
        c.diags.report(Diag::TaskRoleNotForEcs, v->range, task->path, role->path, attribute);
      }
    }
  }
}

} // namespace
} // namespace task_role_trust_rule

extern const Rule kTaskRoleTrustRule;
const Rule kTaskRoleTrustRule{
    "task-role-trust",
    "a task's roles are assumed by ecs-tasks.amazonaws.com",
    "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-iam-roles.html",
    {Diag::TaskRoleNotForEcs},
    task_role_trust_rule::run};

} // namespace ecl::check
