// A task definition: immutable, so a changed one is registered as a new revision, and the old one
// deregistered once the services using it have moved. After a crash, the family's latest revision
// is the one the interrupted call made when its containers are those of the request.
// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RegisterTaskDefinition.html
#include "backends/resources/resource.h"

namespace ecl::resources {

const Descriptor& ecs_task_definition() {
  static const Descriptor d{
      "ecs/task_definition",
      "AWS::ECS::TaskDefinition",
      {{.service = "ecs",
        .name = "RegisterTaskDefinition",
        .outputs = {{"arn", "taskDefinition.taskDefinitionArn"},
                    {"revision", "taskDefinition.revision"}},
        .replace_reasons = {{"",
                             "task definitions are immutable: a new revision is registered ({})"}},
        .remove = {{{"ecs", "DeregisterTaskDefinition", {{"taskDefinition", "$output.arn"}}}}},
        // A new revision of the family: the service moves to it, then the old one goes.
        .create_first = CreateFirst{},
        .lookup = Lookup{.describe = {"ecs",
                                      "DescribeTaskDefinition",
                                      {{"taskDefinition", "$request.family"},
                                       {"include", json::array({"TAGS"})}},
                                      {"ClientException"}},
                         .items = "",
                         .match = {{"taskDefinition.containerDefinitions",
                                    "$request.containerDefinitions",
                                    {"name", "image"}}},
                         .tags = "tags"},
        .tags = {TagStyle::Ecs, "$output.arn"},
        // Deregistered outside eclc (INACTIVE): registered again.
        .refresh =
            Refresh{
                .read = {"ecs",
                         "DescribeTaskDefinition",
                         {{"taskDefinition", "$output.arn"}},
                         {"ClientException"}},
                .subject = "$output.arn",
                .items = "taskDefinition",
                .id = "taskDefinitionArn",
                .status = "status",
                .gone_status = {"INACTIVE", "DELETE_IN_PROGRESS"},
            }}},
      {{"task", "arn", "", "RegisterTaskDefinition", "arn", "", "", true}}};
  return d;
}

} // namespace ecl::resources
