// A service with `launch_type = ec2` needs container instances in its cluster: without an
// `ec2_capacity` no instance registers with the cluster and the tasks stay pending.
#include "compiler/check/rules/rule.h"
#include "compiler/check/rules/service_common.h"

#include <fmt/format.h>

namespace ecl::check {
namespace {

void run(RuleContext& c) {
  for (const auto& block : c.program.blocks) {
    if (block->kind_name != "service") {
      continue;
    }
    const std::string* type = services::launch_type(*block);
    const model::Block* cluster = block->ancestor("cluster");
    if (!type || *type != "ec2" || !cluster || !cluster->children_of("ec2_capacity").empty()) {
      continue;
    }
    c.diags
        .report(Diag::Ec2LaunchWithoutCapacity, attribute_range(*block, "launch_type"), block->path,
                cluster->path)
        .note(cluster->header_range, fmt::format("cluster `{}` is declared here", cluster->path));
  }
}

} // namespace

extern const Rule kEc2LaunchCapacityRule;
const Rule kEc2LaunchCapacityRule{
    "ec2-launch-capacity",
    "A service on the EC2 launch type runs in a cluster that has EC2 capacity",
    "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/launch_container_instance.html",
    {Diag::Ec2LaunchWithoutCapacity},
    run};

} // namespace ecl::check
