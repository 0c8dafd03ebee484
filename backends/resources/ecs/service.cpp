// An ECS service: updated in place by UpdateService for what that call takes; deleted by scaling
// it to zero, deleting it, and waiting until it has drained and is inactive (its cluster cannot
// be deleted before).
// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateService.html
#include "backends/resources/resource.h"

namespace ecl::resources {

const Descriptor& ecs_service() {
  static const json describe = {{"cluster", "$request.cluster"},
                                {"services", json::array({"$request.serviceName"})},
                                {"include", json::array({"TAGS"})}};
  static const Descriptor d{
      "ecs/service",
      "AWS::ECS::Service",
      {{.service = "ecs",
        .name = "CreateService",
        .outputs = {{"arn", "service.serviceArn"}, {"name", "service.serviceName"}},
        .on_change = OnChange::Update,
        .update = Request{"ecs",
                          "UpdateService",
                          {{"cluster", "$request.cluster"}, {"service", "$request.serviceName"}}},
        .updatable = {"desiredCount", "taskDefinition", "networkConfiguration",
                      "capacityProviderStrategy", "deploymentConfiguration",
                      "healthCheckGracePeriodSeconds", "placementConstraints", "placementStrategy",
                      "enableExecuteCommand", "propagateTags", "enableECSManagedTags",
                      "platformVersion", "loadBalancers", "serviceConnectConfiguration",
                      "serviceRegistries"},
        .cleared = {{"serviceConnectConfiguration", {{"enabled", false}}},
                    {"serviceRegistries", json::array()},
                    {"loadBalancers", json::array()},
                    {"placementConstraints", json::array()},
                    {"placementStrategy", json::array()}},
        .remove =
            {{{"ecs",
               "UpdateService",
               {{"cluster", "$request.cluster"},
                {"service", "$request.serviceName"},
                {"desiredCount", 0}},
               {"ServiceNotFoundException", "ServiceNotActiveException",
                "ClusterNotFoundException"}}},
             {{"ecs",
               "DeleteService",
               {{"cluster", "$request.cluster"},
                {"service", "$request.serviceName"},
                {"force", true}},
               {"ServiceNotFoundException", "ClusterNotFoundException"}},
              Waiter{.what = "service {} to drain and become inactive",
                     .subject = "$request.serviceName",
                     .probe = {"ecs", "DescribeServices", describe, {"ClusterNotFoundException"}},
                     .status = "services[0].status",
                     .done = {"INACTIVE", "gone"}}}},
        // A new name or cluster: the new service starts beside the old one, which is deleted at
        // the end. Its Service Connect and Cloud Map names would be taken twice: deleted first.
        .create_first = CreateFirst{.unique = {"cluster", "serviceName"},
                                    .held = {"serviceConnectConfiguration", "serviceRegistries"}},
        .lookup =
            Lookup{.describe = {"ecs", "DescribeServices", describe, {"ClusterNotFoundException"}},
                   .items = "services",
                   .match = {{"status", "ACTIVE"}},
                   .wrapper = "service",
                   .tags = "tags"},
        .tags = {TagStyle::Ecs, "$output.arn"},
        .client_token = "clientToken",
        .refresh = Refresh{.read = {"ecs",
                                    "DescribeServices",
                                    {{"cluster", "$request.cluster"}, {"services", "$ids"}},
                                    {"ClusterNotFoundException"}},
                           .subject = "$output.arn",
                           .items = "services",
                           .id = "serviceArn",
                           .compare = {{"desiredCount"}},
                           .status = "status",
                           .gone_status = {"INACTIVE", "DRAINING"},
                           .batch = 10}}},
      {{"service", "arn", "", "CreateService", "arn", "", "", true}}};
  return d;
}

} // namespace ecl::resources
