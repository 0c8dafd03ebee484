// ECS Exec (`enable_execute_command`) needs a task role that allows the four `ssmmessages` actions
// the SSM agent opens its channels with (E3406). Reported when eclc can tell: the task has no task
// role, or it is a `role` block without managed policies whose allowed statements miss one.
#include "compiler/check/rules/iam.h"
#include "compiler/check/rules/rule.h"

#include <array>
#include <fmt/format.h>

namespace ecl::check {
namespace ecs_exec_role_rule {
namespace {

constexpr std::array<std::string_view, 4> kActions{
    "ssmmessages:CreateControlChannel", "ssmmessages:CreateDataChannel",
    "ssmmessages:OpenControlChannel", "ssmmessages:OpenDataChannel"};

void run(RuleContext& c) {
  for (const model::Block* service : c.program.of_kind("service")) {
    if (service->get_bool("enable_execute_command") != true) {
      continue;
    }
    const model::Block* task = service->get_ref("task");
    if (!task) {
      continue;
    }
    const model::Value* role_value = task->get("task_role");
    std::string problem;
    if (!role_value) {
      problem = fmt::format("task `{}` has no `task_role`", task->path);
    } else if (const model::Block* role = role_value->block()) {
      if (!iam::readable(*role)) {
        continue; // a managed policy or a role made elsewhere may allow them: eclc cannot read it
      }
      for (std::string_view action : kActions) {
        if (!iam::allows(*role, action)) {
          problem = fmt::format("the task role `{}` does not allow `{}`", role->path, action);
          break;
        }
      }
    }
    if (!problem.empty()) {
      c.diags.report(Diag::EcsExecWithoutPermissions,
                     attribute_range(*service, "enable_execute_command"), service->path, problem);
    }
  }
}

} // namespace
} // namespace ecs_exec_role_rule

extern const Rule kEcsExecRoleRule;
const Rule kEcsExecRoleRule{
    "ecs-exec-role",
    "ECS Exec needs a task role allowing the ssmmessages channel actions",
    "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-exec.html",
    {Diag::EcsExecWithoutPermissions},
    ecs_exec_role_rule::run};

} // namespace ecl::check
