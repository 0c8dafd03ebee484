// An ECS cluster: CreateCluster with the name of an active cluster answers that cluster, so the
// cluster is looked for first and another state's is refused. Deleted by its name, which the
// request holds even when the answer was never recorded.
// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateCluster.html
#include "backends/resources/resource.h"

namespace ecl::resources {

const Descriptor& ecs_cluster() {
  static const Descriptor d{
      "ecs/cluster",
      "AWS::ECS::Cluster",
      {{.service = "ecs",
        .name = "CreateCluster",
        .outputs = {{"arn", "cluster.clusterArn"}, {"name", "cluster.clusterName"}},
        // Its Service Connect namespace changes in place; the rest replaces it.
        .on_change = OnChange::Update,
        .update = Request{"ecs", "UpdateCluster", {{"cluster", "$request.clusterName"}}},
        .updatable = {"serviceConnectDefaults"},
        .remove = {{{"ecs",
                     "DeleteCluster",
                     {{"cluster", "$request.clusterName"}},
                     {"ClusterNotFoundException"}}}},
        // Renamed, it is not made beside the old one: an Auto Scaling group's capacity provider
        // can be in one cluster at a time (CreateCluster's capacityProviders).
        .deleted_first = "its capacity providers can be in one cluster at a time",
        .lookup = Lookup{.describe = {"ecs",
                                      "DescribeClusters",
                                      {{"clusters", json::array({"$request.clusterName"})},
                                       {"include", json::array({"TAGS"})}}},
                         .items = "clusters",
                         .match = {{"status", "ACTIVE"}},
                         .wrapper = "cluster",
                         .tags = "tags",
                         .what = "cluster `{}`",
                         .subject = "$request.clusterName"},
        .tags = {TagStyle::Ecs, "$output.arn"},
        .answers_existing = true,
        .refresh = Refresh{.read = {"ecs", "DescribeClusters", {{"clusters", "$ids"}}},
                           .subject = "$output.arn",
                           .items = "clusters",
                           .id = "clusterArn",
                           .status = "status",
                           .gone_status = {"INACTIVE"},
                           .batch = 100}}},
      {{"cluster", "arn", "", "CreateCluster", "arn", "", "Arn", true}}};
  return d;
}

} // namespace ecl::resources
