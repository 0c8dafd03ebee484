// A task's own execution role must allow what ECS does with it before the containers start:
// pull a private ECR image, create the awslogs stream and put events, read the containers'
// secrets (E3429). Without it the task stops with ResourceInitializationError at deploy time.
// Reported when eclc can tell: the role is a `role` block without managed policies (which may
// allow them: AmazonECSTaskExecutionRolePolicy covers ECR and logs) and not made elsewhere.
#include "compiler/check/rules/iam.h"
#include "compiler/check/rules/rule.h"
#include "compiler/model/execution_needs.h"

#include <fmt/format.h>
#include <string>

namespace ecl::check {
namespace execution_role_permissions_rule {
namespace {

std::string why(const model::ExecutionNeed& need) {
  switch (need.kind) {
  case model::ExecutionNeed::PullImage:
    return fmt::format("container `{}` pulls a private ECR image", need.container->name);
  case model::ExecutionNeed::ReadSecret:
    return fmt::format("container `{}` reads the secret `{}`", need.container->name, need.variable);
  case model::ExecutionNeed::WriteLogs:
    return fmt::format("container `{}` logs with awslogs", need.container->name);
  }
  return "";
}

// The first missing only: one statement usually fixes the rest.
void report_first_missing(RuleContext& c, const model::Block& task, const model::Value& value,
                          const model::Block& role) {
  for (const model::ExecutionNeed& need : model::execution_needs(task)) {
    if (need.kind == model::ExecutionNeed::ReadSecret && !need.source) {
      continue; // a source known only at deployment: which service it is in is not known
    }
    for (std::string_view action : need.actions()) {
      if (!iam::allows(role, action)) {
        c.diags.report(Diag::ExecutionRoleWithoutPermissions, value.range, task.path, role.path,
                       action, why(need));
        return;
      }
    }
  }
}

void run(RuleContext& c) {
  for (const model::Block* task : c.program.of_kind("task")) {
    const model::Value* value = task->get("execution_role");
    const model::Block* role = value ? value->block() : nullptr;
    if (!role || !iam::readable(*role)) {
      continue; // generated (eclc gives it what it needs), an ARN, or not all readable
    }
    report_first_missing(c, *task, *value, *role);
  }
}

} // namespace
} // namespace execution_role_permissions_rule

extern const Rule kExecutionRolePermissionsRule;
const Rule kExecutionRolePermissionsRule{
    "execution-role-permissions",
    "A task's own execution role allows pulling its images, writing its logs and reading its "
    "secrets",
    "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_execution_IAM_role.html",
    {Diag::ExecutionRoleWithoutPermissions},
    execution_role_permissions_rule::run};

} // namespace ecl::check
