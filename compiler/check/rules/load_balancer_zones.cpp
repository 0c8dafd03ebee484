// An application load balancer has subnets in at least two availability zones, and at most one
// subnet per zone (for either type).
#include "compiler/check/rules/rule.h"
#include "compiler/check/rules/service_common.h"

#include <fmt/format.h>
#include <map>

namespace ecl::check {
namespace load_balancer_zones_rule {
namespace {

void run(RuleContext& c) {
  for (const model::Block* lb : c.program.of_kind("load_balancer")) {
    std::map<std::string, const services::RefItem*> by_zone;
    std::vector<services::RefItem> subnets = services::ref_items(*lb, "subnets");
    bool repeated = false;
    for (const services::RefItem& subnet : subnets) {
      const std::string* zone = model::zone_of(*subnet.block);
      if (!zone) {
        continue;
      }
      auto [it, inserted] = by_zone.emplace(*zone, &subnet);
      if (!inserted) {
        repeated = true;
        c.diags
            .report(Diag::LoadBalancerZones, subnet.value->range,
                    fmt::format("load_balancer `{}` has subnets `{}` and `{}` in zone `{}`; a load "
                                "balancer takes one subnet per zone",
                                lb->path, it->second->block->path, subnet.block->path, *zone))
            .note(it->second->value->range,
                  fmt::format("subnet `{}` is in zone `{}` too", it->second->block->path, *zone));
      }
    }
    const std::string* type = lb->get_enum("type");
    if (!repeated && type && *type == "application" && by_zone.size() < 2 &&
        subnets.size() == by_zone.size()) {
      c.diags.report(Diag::LoadBalancerZones, attribute_range(*lb, "subnets"),
                     fmt::format("application load_balancer `{}` has subnets in {} zone{}; it "
                                 "needs subnets in at least two zones",
                                 lb->path, by_zone.size(), by_zone.size() == 1 ? "" : "s"));
    }
  }
}

} // namespace
} // namespace load_balancer_zones_rule

extern const Rule kLoadBalancerZonesRule;
const Rule kLoadBalancerZonesRule{
    "load-balancer-zones",
    "A load balancer has one subnet per zone; an application load balancer two zones or more",
    "https://docs.aws.amazon.com/elasticloadbalancing/latest/application/"
    "application-load-balancers.html#availability-zones",
    {Diag::LoadBalancerZones},
    load_balancer_zones_rule::run};

} // namespace ecl::check
