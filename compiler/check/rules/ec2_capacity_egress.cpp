// The ECS container agent on an EC2 capacity's instances registers them with the cluster by
// calling ECS: through the internet (a NAT gateway, or an internet gateway with the public
// address a `public` subnet gives its instances) or through the interface endpoints `ecs`,
// `ecs-agent` and `ecs-telemetry`. Without either the instances run but never join the cluster,
// and no task is placed on them: warn (W0025), naming the endpoints missing
// (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/vpc-endpoints.html). Subnets made
// elsewhere whose routes the program does not know are left out.
#include "compiler/check/rules/internet_route.h"
#include "compiler/check/rules/private_egress.h"
#include "compiler/check/rules/rule.h"

#include <algorithm>
#include <fmt/format.h>
#include <fmt/ranges.h>

namespace ecl::check {
namespace ec2_capacity_egress_rule {
namespace {

constexpr std::string_view kAgentServices[] = {"ecs", "ecs-agent", "ecs-telemetry"};

void run(RuleContext& c) {
  for (const model::Block* capacity : c.program.of_kind("ec2_capacity")) {
    const std::vector<services::RefItem> subnets = services::ref_items(*capacity, "subnets");
    if (std::any_of(subnets.begin(), subnets.end(), [&](const services::RefItem& item) {
          return vpc_of(item.block) != vpc_of(subnets.front().block);
        })) {
      continue; // subnets of several VPCs (E3203): which one the instances belong to is unknown
    }
    for (const services::RefItem& item : subnets) {
      const model::Block* subnet = item.block;
      const model::Block* vpc = vpc_of(subnet);
      if (!vpc || routes_unknown(c, subnet) || internet_route_unknown(c, subnet)) {
        continue;
      }
      const model::Block* table = c.route_table_of(subnet, false);
      if (egress::has_nat_route(table) ||
          (routes_to_internet(c, subnet) && subnet->get_bool("public") == true)) {
        continue;
      }
      const std::vector<std::string_view> missing =
          egress::missing_endpoints(c.program, *vpc, table, kAgentServices);
      if (missing.empty()) {
        continue;
      }
      c.diags.report(Diag::Ec2CapacityNoEgress, item.value->range, capacity->path, subnet->path,
                     fmt::format("`{}`", fmt::join(missing, "`, `")));
    }
  }
}

} // namespace
} // namespace ec2_capacity_egress_rule

extern const Rule kEc2CapacityEgressRule;
const Rule kEc2CapacityEgressRule{
    "ec2-capacity-egress",
    "Warns when an EC2 capacity's instances reach neither the internet nor the ECS endpoints, "
    "without which their agent never registers them",
    "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/vpc-endpoints.html",
    {Diag::Ec2CapacityNoEgress},
    ec2_capacity_egress_rule::run};

} // namespace ecl::check
