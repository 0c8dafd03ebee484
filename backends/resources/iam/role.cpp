// An IAM role with its managed policies (AttachRolePolicy) and inline policies (PutRolePolicy): a
// `role` block, an ec2_capacity's instance role, a task's execution role.
// https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateRole.html
#include "backends/resources/resource.h"

namespace ecl::resources {

const Descriptor& iam_role() {
  static const Descriptor d{
      "iam/role",
      "AWS::IAM::Role",
      {{.service = "iam",
        .name = "CreateRole",
        .outputs = {{"arn", "Role.Arn"}, {"name", "Role.RoleName"}},
        .remove = {{{"iam", "DeleteRole", {{"RoleName", "$request.RoleName"}}, {"NoSuchEntity"}}}},
        .deleted_first = "its name is reused",
        .lookup =
            Lookup{.describe =
                       {"iam", "GetRole", {{"RoleName", "$request.RoleName"}}, {"NoSuchEntity"}},
                   .items = "",
                   .tags = "Role.Tags",
                   .what = "role `{}`",
                   .subject = "$request.RoleName"},
        .tags = {TagStyle::IamRole, "$request.RoleName"},
        .done = {"EntityAlreadyExists"},
        // IAM reads a role by its name, one a call.
        .refresh =
            Refresh{
                .read = {"iam", "GetRole", {{"RoleName", "$request.RoleName"}}, {"NoSuchEntity"}},
                .subject = "$request.RoleName",
                .items = "Role",
                .id = "RoleName",
            }},
       {.service = "iam",
        .name = "AttachRolePolicy",
        .remove = {{{"iam",
                     "DetachRolePolicy",
                     {{"RoleName", "$request.RoleName"}, {"PolicyArn", "$request.PolicyArn"}},
                     {"NoSuchEntity"}}}}},
       {.service = "iam",
        .name = "PutRolePolicy",
        .on_change = OnChange::Repeat,
        .remove = {{{"iam",
                     "DeleteRolePolicy",
                     {{"RoleName", "$request.RoleName"}, {"PolicyName", "$request.PolicyName"}},
                     {"NoSuchEntity"}}}}}},
      {{"role", "arn", "", "CreateRole", "arn", "", "Arn", true}}};
  return d;
}

} // namespace ecl::resources
