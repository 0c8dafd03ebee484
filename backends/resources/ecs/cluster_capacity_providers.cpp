// A cluster's capacity providers and default strategy. Deleting them lets the providers go: a
// provider a cluster holds cannot be deleted.
// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_PutClusterCapacityProviders.html
#include "backends/resources/resource.h"

namespace ecl::resources {

const Descriptor& ecs_cluster_capacity_providers() {
  static const Descriptor d{"ecs/cluster_capacity_providers",
                            "AWS::ECS::ClusterCapacityProviderAssociations",
                            {{.service = "ecs",
                              .name = "PutClusterCapacityProviders",
                              .on_change = OnChange::Repeat,
                              .remove = {{{"ecs",
                                           "PutClusterCapacityProviders",
                                           {{"cluster", "$request.cluster"},
                                            {"capacityProviders", json::array()},
                                            {"defaultCapacityProviderStrategy", json::array()}},
                                           {"ClusterNotFoundException"}}}}}}};
  return d;
}

} // namespace ecl::resources
