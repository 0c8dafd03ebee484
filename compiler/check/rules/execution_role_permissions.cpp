// A task's own execution role must allow what ECS does with it before the containers start:
// pull a private ECR image, create the awslogs stream and put events, read the containers'
// secrets (E3429). Without it the task stops with ResourceInitializationError at deploy time.
// Reported when eclc can tell: the role is a `role` block without managed policies (which may
// allow them: AmazonECSTaskExecutionRolePolicy covers ECR and logs) and not made elsewhere.
#include "compiler/check/rules/iam.h"
#include "compiler/check/rules/rule.h"
#include "compiler/model/image.h"

#include <fmt/format.h>
#include <string>
#include <vector>

namespace ecl::check {
namespace execution_role_permissions_rule {
namespace {

struct Need {
  std::vector<std::string_view> actions; // each must be allowed
  std::string why;                       // "container `app` reads the secret `DB`"
};

std::vector<Need> needs_of(const model::Block& task) {
  std::vector<Need> out;
  for (const model::Block* c : task.each_child("container")) {
    const model::Value* image = c->get("image");
    if (image && model::image_source(*image) == model::ImageSource::PrivateEcr) {
      out.push_back(
          {{"ecr:GetAuthorizationToken", "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"},
           fmt::format("container `{}` pulls a private ECR image", c->name)});
    }
    const model::Value* secrets = c->get("secrets");
    const model::Map* map = secrets ? secrets->as<model::Map>() : nullptr;
    for (const auto& [name, from] : map ? *map : model::Map{}) {
      const std::string* text = from.string();
      if (!text) {
        continue;
      }
      bool manager =
          text->starts_with("arn:") && text->find(":secretsmanager:") != std::string::npos;
      out.push_back({{manager ? "secretsmanager:GetSecretValue" : "ssm:GetParameters"},
                     fmt::format("container `{}` reads the secret `{}`", c->name, name)});
    }
    const model::Block* log = c->first_child("log");
    const std::string* driver = log ? log->get_enum("driver") : nullptr;
    if (log && (!driver || *driver == "awslogs")) {
      out.push_back({{"logs:CreateLogStream", "logs:PutLogEvents"},
                     fmt::format("container `{}` logs with awslogs", c->name)});
    }
  }
  return out;
}

void run(RuleContext& c) {
  for (const model::Block* task : c.program.of_kind("task")) {
    const model::Value* value = task->get("execution_role");
    const model::Block* role = value ? value->block() : nullptr;
    if (!role || !iam::readable(*role)) {
      continue; // generated (eclc gives it what it needs), an ARN, or not all readable
    }
    const std::vector<Need> needs = needs_of(*task);
    auto missing = [&]() -> std::pair<const Need*, std::string_view> {
      for (const Need& need : needs) {
        for (std::string_view action : need.actions) {
          if (!iam::allows(*role, action)) {
            return {&need, action};
          }
        }
      }
      return {nullptr, {}};
    };
    auto [need, action] = missing(); // the first only: one statement usually fixes the rest
    if (need) {
      c.diags.report(Diag::ExecutionRoleWithoutPermissions, value->range, task->path, role->path,
                     action, need->why);
    }
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
