// A service or job with `launch_type = ec2` needs container instances in its cluster: without an
// `ec2_capacity` no instance registers with the cluster and the tasks stay pending.
#include "compiler/check/rules/rule.h"
#include "compiler/check/rules/service_common.h"

#include <fmt/format.h>
#include <unordered_set>

namespace ecl::check {
namespace ec2_launch_capacity_rule {
namespace {

void run(RuleContext& c) {
  // Clusters with an ec2_capacity, found once: a cluster may hold thousands of services.
  std::unordered_set<const model::Block*> with_capacity;
  for (const model::Block* capacity : c.program.of_kind("ec2_capacity")) {
    with_capacity.insert(capacity->parent);
  }
  for (const model::Block* block : services::runners(c.program)) {
    const std::string* type = services::launch_type(*block);
    const model::Block* cluster = block->ancestor("cluster");
    if (!type || *type != "ec2" || !cluster || with_capacity.count(cluster)) {
      continue;
    }
    c.diags
        .report(Diag::Ec2LaunchWithoutCapacity, attribute_range(*block, "launch_type"),
                block->kind_name, block->path, cluster->path)
        .note(cluster->header_range, fmt::format("cluster `{}` is declared here", cluster->path));
  }
}

} // namespace
} // namespace ec2_launch_capacity_rule

extern const Rule kEc2LaunchCapacityRule;
const Rule kEc2LaunchCapacityRule{
    "ec2-launch-capacity",
    "A service on the EC2 launch type runs in a cluster that has EC2 capacity",
    "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/launch_container_instance.html",
    {Diag::Ec2LaunchWithoutCapacity},
    ec2_launch_capacity_rule::run};

} // namespace ecl::check
