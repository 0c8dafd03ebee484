// The instance profile of an ec2_capacity's instances, holding its instance role.
// https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateInstanceProfile.html
#include "backends/resources/resource.h"

namespace ecl::resources {

const Descriptor& iam_instance_profile() {
  static const json name = {{"InstanceProfileName", "$request.InstanceProfileName"}};
  static const Descriptor d{
      "iam/instance_profile",
      "AWS::IAM::InstanceProfile",
      {{.service = "iam",
        .name = "CreateInstanceProfile",
        .outputs = {{"arn", "InstanceProfile.Arn"},
                    {"name", "InstanceProfile.InstanceProfileName"}},
        .remove = {{{"iam", "DeleteInstanceProfile", name, {"NoSuchEntity"}}}},
        .deleted_first = "its name is reused",
        .lookup = Lookup{.describe = {"iam", "GetInstanceProfile", name, {"NoSuchEntity"}},
                         .items = "",
                         .tags = "InstanceProfile.Tags",
                         .what = "instance profile `{}`",
                         .subject = "$request.InstanceProfileName"},
        .tags = {TagStyle::IamInstanceProfile, "$request.InstanceProfileName"},
        .done = {"EntityAlreadyExists"},
        .refresh =
            Refresh{
                .read = {"iam",
                         "GetInstanceProfile",
                         {{"InstanceProfileName", "$request.InstanceProfileName"}},
                         {"NoSuchEntity"}},
                .subject = "$request.InstanceProfileName",
                .items = "InstanceProfile",
                .id = "InstanceProfileName",
            }},
       // A profile holds one role: adding it again is refused with LimitExceeded. Found in the
       // profile's roles (moto answers a second RemoveRoleFromInstanceProfile with a 500, so a
       // removal whose answer was lost is looked for before it is sent again).
       {.service = "iam",
        .name = "AddRoleToInstanceProfile",
        .remove = {{{"iam",
                     "RemoveRoleFromInstanceProfile",
                     {{"InstanceProfileName", "$request.InstanceProfileName"},
                      {"RoleName", "$request.RoleName"}},
                     {"NoSuchEntity"}}}},
        .lookup = Lookup{.describe = {"iam", "GetInstanceProfile", name, {"NoSuchEntity"}},
                         .items = "InstanceProfile.Roles",
                         .match = {{"RoleName", "$request.RoleName"}}},
        .done = {"LimitExceeded"}}}};
  return d;
}

} // namespace ecl::resources
