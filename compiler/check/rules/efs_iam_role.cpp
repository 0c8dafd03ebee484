// An EFS volume mounted with IAM authorization (`iam = true`) needs a task role (E3132): the mount
// is authorized as the task's IAM role, so a task without one fails to mount the volume and never
// starts ("the task IAM role ... must be specified in the task definition").
// https://docs.aws.amazon.com/AmazonECS/latest/developerguide/efs-volumes.html
#include "compiler/check/rules/efs.h"

#include <fmt/format.h>

namespace ecl::check {
namespace efs_iam_role_rule {
namespace {

// A role of the program whose statements allow `elasticfilesystem:ClientMount`: the likely
// intended task role, for a note.
const model::Block* mounting_role(const model::Program& program) {
  static const model::List kNone;
  for (const model::Block* role : program.of_kind("role")) {
    const model::Value* statements = role->get("statements");
    const model::List* list = statements ? statements->as<model::List>() : nullptr;
    for (const model::Value& statement : list ? *list : kNone) {
      const model::Value* actions = statement.field("actions");
      const model::List* names = actions ? actions->as<model::List>() : nullptr;
      for (const model::Value& action : names ? *names : kNone) {
        const std::string* s = action.string();
        if (s && (*s == "elasticfilesystem:ClientMount" || *s == "elasticfilesystem:*")) {
          return role;
        }
      }
    }
  }
  return nullptr;
}

void run(RuleContext& c) {
  for (const model::Block* task : c.program.of_kind("task")) {
    if (task->attribute("task_role")) {
      continue; // an ARN or a role block (an error in it is reported already)
    }
    for (const efs::Volume& v : efs::volumes_of(*task)) {
      if (!v.iam || v.iam->boolean() != true) {
        continue;
      }
      const model::Value* name = v.item->field("name");
      Diagnostic& d = c.diags.report(Diag::EfsIamWithoutTaskRole, v.iam->range,
                                     name && name->string() ? *name->string() : "?", task->path);
      if (const model::Block* role = mounting_role(c.program)) {
        d.note(role->header_range,
               fmt::format("role `{}` allows `elasticfilesystem:ClientMount`: `task_role = {}`?",
                           role->path, role->path));
      }
    }
  }
}

} // namespace
} // namespace efs_iam_role_rule

extern const Rule kEfsIamRoleRule;
const Rule kEfsIamRoleRule{
    "efs-iam-role",
    "a task that mounts an EFS volume with IAM authorization has a task role",
    "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/efs-volumes.html",
    {Diag::EfsIamWithoutTaskRole},
    efs_iam_role_rule::run};

} // namespace ecl::check
