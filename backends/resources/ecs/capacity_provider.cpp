// An ec2_capacity's capacity provider, the block's main call; services and clusters name it by
// its name. Its managed scaling and termination protection change in place; another Auto Scaling
// group is another provider (it is deleted first: its name is reused).
// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateCapacityProvider.html
// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_UpdateCapacityProvider.html
#include "backends/resources/resource.h"

namespace ecl::resources {

const Descriptor& ecs_capacity_provider() {
  static const Descriptor d{
      "ecs/capacity_provider",
      "AWS::ECS::CapacityProvider",
      {{.service = "ecs",
        .name = "CreateCapacityProvider",
        .outputs = {{"name", "capacityProvider.name"},
                    {"arn", "capacityProvider.capacityProviderArn"}},
        .on_change = OnChange::Update,
        .update = Request{"ecs",
                          "UpdateCapacityProvider",
                          {{"name", "$request.name"},
                           {"autoScalingGroupProvider",
                            {{"managedScaling", "$request.autoScalingGroupProvider.managedScaling"},
                             {"managedTerminationProtection",
                              "$request.autoScalingGroupProvider.managedTerminationProtection"}}}}},
        .updatable = {"autoScalingGroupProvider.managedScaling",
                      "autoScalingGroupProvider.managedTerminationProtection"},
        .replace_reasons = {{"autoScalingGroupProvider",
                             "a capacity provider's Auto Scaling group cannot change ({})"}},
        .remove = {{{"ecs", "DeleteCapacityProvider", {{"capacityProvider", "$request.name"}}}}},
        .deleted_first = "its name is reused",
        .lookup = Lookup{.describe = {"ecs",
                                      "DescribeCapacityProviders",
                                      {{"capacityProviders", json::array({"$request.name"})},
                                       {"include", json::array({"TAGS"})}}},
                         .items = "capacityProviders",
                         .match = {{"status", "ACTIVE"}},
                         .wrapper = "capacityProvider",
                         .tags = "tags"},
        .tags = {TagStyle::Ecs, "$output.arn"},
        .refresh =
            Refresh{.read = {"ecs", "DescribeCapacityProviders", {{"capacityProviders", "$ids"}}},
                    .subject = "$request.name",
                    .items = "capacityProviders",
                    .id = "name",
                    .status = "status",
                    .gone_status = {"INACTIVE"},
                    .batch = 10}}},
      {{"ec2_capacity", "name", "", "CreateCapacityProvider", "name", "", "", true}}};
  return d;
}

} // namespace ecl::resources
